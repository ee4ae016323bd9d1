import { TenantDecider, tenantStreamId } from '../../domain/tenancy/tenant.decider';
import { notFound } from '../../domain/shared/domain-error';
import { loadAggregate } from '../shared/load-aggregate';
import type { EventStore } from '../shared/ports/event-store.port';
import type { SecretSealer } from '../shared/ports/secret-sealer.port';

/** A tenant's Stronpower vending account: string fields only, sealed as one JSON text. */
export type VendorCredentials = Readonly<Record<string, string>> & {
  readonly username: string;
  readonly password: string;
  readonly apiKey?: string;
};

export const tenantNotFound = (tenantId: string) => notFound('tenant.not_found', `Tenant ${tenantId} does not exist`, { tenantId });

export const sealVendorCredentials = (sealer: SecretSealer, credentials: VendorCredentials): string =>
  sealer.seal(JSON.stringify(credentials));

/**
 * Opens a tenant's vendor credentials for the service's own use (the vending adapter); never reached from the
 * HTTP API. Reads the tenant's stream, so credentials replaced a moment ago are the ones returned.
 */
export class VendorCredentialsVault {
  constructor(
    private readonly eventStore: EventStore,
    private readonly sealer: SecretSealer,
  ) {}

  /** The tenant's credentials, or null when none were given; 404 `tenant.not_found` for an unknown tenant. */
  async open(tenantId: string): Promise<VendorCredentials | null> {
    const { state } = await loadAggregate(this.eventStore, TenantDecider, tenantStreamId(tenantId));
    if (state.status === 'none') throw tenantNotFound(tenantId);
    if (state.sealedVendorCredentials === null) return null;
    return JSON.parse(this.sealer.open(state.sealedVendorCredentials)) as VendorCredentials;
  }
}
