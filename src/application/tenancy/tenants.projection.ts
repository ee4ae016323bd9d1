import { assertNever } from '../../domain/shared/decider';
import type { TenantEvent } from '../../domain/tenancy/tenant.decider';
import type { RecordedEvent } from '../shared/ports/event-store.port';
import type { Projection, ProjectionView } from '../shared/ports/projection.port';
import { updateDocument } from '../shared/projections/update-document';
import { TENANTS, type TenantView } from './tenants.read-model';

const update = (view: ProjectionView, tenantId: string, change: (tenant: TenantView) => TenantView) =>
  updateDocument<TenantView>(view, TENANTS, tenantId, change);

const applyTenantEvent = async (event: TenantEvent, view: ProjectionView) => {
  switch (event.type) {
    case 'TenantCreated': {
      const { tenantId, name, paybillNumber, billing, sealedVendorCredentials, createdAt } = event.data;
      const tenant: TenantView = {
        id: tenantId,
        tenantId,
        name,
        paybillNumber,
        billing,
        status: 'active',
        hasVendorCredentials: sealedVendorCredentials !== null,
        vendorCredentialsUpdatedAt: sealedVendorCredentials === null ? null : createdAt,
        createdAt,
        updatedAt: createdAt,
        deactivatedAt: null,
      };
      view.put(TENANTS, tenant);
      return;
    }
    case 'TenantUpdated': {
      const { name, paybillNumber, billing, changedAt } = event.data;
      return update(view, event.data.tenantId, (tenant) => ({
        ...tenant,
        name: name ?? tenant.name,
        paybillNumber: paybillNumber ?? tenant.paybillNumber,
        billing: billing ?? tenant.billing,
        updatedAt: changedAt,
      }));
    }
    case 'TenantVendorCredentialsReplaced': {
      const { sealedVendorCredentials, changedAt } = event.data;
      return update(view, event.data.tenantId, (tenant) => ({
        ...tenant,
        hasVendorCredentials: sealedVendorCredentials !== null,
        vendorCredentialsUpdatedAt: changedAt,
        updatedAt: changedAt,
      }));
    }
    case 'TenantDeactivated':
      return update(view, event.data.tenantId, (tenant) => ({
        ...tenant,
        status: 'deactivated',
        deactivatedAt: event.data.deactivatedAt,
        updatedAt: event.data.deactivatedAt,
      }));
    case 'TenantReactivated':
      return update(view, event.data.tenantId, (tenant) => ({
        ...tenant,
        status: 'active',
        deactivatedAt: null,
        updatedAt: event.data.reactivatedAt,
      }));
    default:
      return assertNever(event);
  }
};

export const tenantsProjection: Projection = {
  name: 'tenants-v1',
  collections: [{ name: TENANTS, indexes: [{ fields: ['name'] }, { fields: ['status'] }, { fields: ['tenantId'] }] }],
  filter: { streamPrefixes: ['tenant-'] },
  apply: (recorded: RecordedEvent, view: ProjectionView) => applyTenantEvent({ type: recorded.type, data: recorded.data } as TenantEvent, view),
};
