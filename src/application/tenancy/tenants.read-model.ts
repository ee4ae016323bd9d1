import type { BillingInfo } from '../../domain/tenancy/tenant.decider';

export const TENANTS = 'tenants';

/** A tenant as clients see it: whether vendor credentials are set and when, never the credentials (not even sealed). */
export interface TenantView {
  readonly id: string;
  /** The tenant's own id again, so tenant-scope filters apply to tenants as to every other record. */
  readonly tenantId: string;
  readonly name: string;
  readonly paybillNumber: string;
  readonly billing: BillingInfo;
  readonly status: 'active' | 'deactivated';
  readonly hasVendorCredentials: boolean;
  readonly vendorCredentialsUpdatedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deactivatedAt: string | null;
  readonly [field: string]: unknown;
}
