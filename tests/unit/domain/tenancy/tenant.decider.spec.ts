import {
  TenantDecider,
  tenantStreamId,
  type BillingInfo,
  type CreateTenant,
  type TenantEvent,
  type TenantFacts,
  type UpdateTenant,
} from '../../../../src/domain/tenancy/tenant.decider';
import { given } from '../decider-spec';

const billing: BillingInfo = { contactName: 'Grace Wanjiru', email: 'accounts@maji.example', phone: null, address: null, taxNumber: 'P051234567X' };
const creation: CreateTenant['data'] = {
  tenantId: 't-1',
  name: 'Maji Safi Ltd',
  paybillNumber: '888880',
  billing,
  sealedVendorCredentials: 'v1.sealed',
  createdAt: '2025-01-01T08:00:00.000Z',
  createdBy: 'admin-1',
};
const facts: TenantFacts = {
  tenantId: 't-1',
  name: 'Maji Safi Ltd',
  paybillNumber: '888880',
  billing,
  sealedVendorCredentials: 'v1.sealed',
  createdAt: creation.createdAt,
};
const create = (overrides: Partial<CreateTenant['data']> = {}): CreateTenant => ({ type: 'CreateTenant', data: { ...creation, ...overrides } });
const created: TenantEvent = { type: 'TenantCreated', data: creation };
const update = (changes: Partial<UpdateTenant['data']>): UpdateTenant => ({
  type: 'UpdateTenant',
  data: { tenantId: 't-1', changedAt: '2025-02-01T08:00:00.000Z', changedBy: 'admin-1', ...changes },
});
const deactivation = { tenantId: 't-1', reason: 'contract ended', deactivatedAt: '2025-03-01T08:00:00.000Z', deactivatedBy: 'admin-1' };
const deactivated: TenantEvent = { type: 'TenantDeactivated', data: deactivation };
const reactivation = { tenantId: 't-1', reactivatedAt: '2025-04-01T08:00:00.000Z', reactivatedBy: 'admin-1' };
const reactivated: TenantEvent = { type: 'TenantReactivated', data: reactivation };
const credentialsChange = { tenantId: 't-1', sealedVendorCredentials: 'v1.other', changedAt: '2025-02-02T08:00:00.000Z', changedBy: 'admin-1' };

describe('tenant', () => {
  it('names its stream tenant-<tenantId>', () => {
    expect(tenantStreamId('t-1')).toBe('tenant-t-1');
  });

  describe('CreateTenant', () => {
    it('creates an active tenant holding the sealed credentials only', () => {
      given(TenantDecider).when(create()).then([created]);
      given(TenantDecider, [created]).thenState({ status: 'active', ...facts });
    });

    it('creates a tenant without vendor credentials', () => {
      const data = { ...creation, sealedVendorCredentials: null };
      given(TenantDecider).when(create({ sealedVendorCredentials: null })).then([{ type: 'TenantCreated', data }]);
    });

    it.each<[string, Partial<CreateTenant['data']>]>([
      ['tenant.invalid_name', { name: '' }],
      ['tenant.invalid_name', { name: '   ' }],
      ['tenant.invalid_name', { name: 'x'.repeat(161) }],
      ['tenant.invalid_paybill', { paybillNumber: '1234' }],
      ['tenant.invalid_paybill', { paybillNumber: '12345678' }],
      ['tenant.invalid_paybill', { paybillNumber: '12a456' }],
      ['tenant.invalid_billing_email', { billing: { ...billing, email: 'accounts' } }],
    ])('refuses %s (%j)', (code, overrides) => {
      given(TenantDecider).when(create(overrides)).thenThrows(code, { kind: 'invalid' });
    });

    it('accepts paybill numbers of 5 and 7 digits', () => {
      given(TenantDecider).when(create({ paybillNumber: '12345' })).then([{ type: 'TenantCreated', data: { ...creation, paybillNumber: '12345' } }]);
      given(TenantDecider).when(create({ paybillNumber: '1234567' })).then([{ type: 'TenantCreated', data: { ...creation, paybillNumber: '1234567' } }]);
    });

    it('refuses a tenant that exists, active or deactivated', () => {
      given(TenantDecider, [created]).when(create()).thenThrows('tenant.already_exists', { kind: 'conflict' });
      given(TenantDecider, [created, deactivated]).when(create()).thenThrows('tenant.already_exists', { kind: 'conflict' });
    });
  });

  describe('UpdateTenant', () => {
    it('changes the name, paybill and billing', () => {
      const command = update({ name: 'Maji Bora Ltd', paybillNumber: '777770', billing: { ...billing, phone: '+254712345678' } });
      given(TenantDecider, [created]).when(command).then([{ type: 'TenantUpdated', data: command.data }]);
      given(TenantDecider, [created, { type: 'TenantUpdated', data: command.data }]).thenState({
        status: 'active',
        ...facts,
        name: 'Maji Bora Ltd',
        paybillNumber: '777770',
        billing: { ...billing, phone: '+254712345678' },
      });
    });

    it('keeps the fields it does not name', () => {
      const command = update({ name: 'Maji Bora Ltd' });
      given(TenantDecider, [created, { type: 'TenantUpdated', data: command.data }]).thenState({ status: 'active', ...facts, name: 'Maji Bora Ltd' });
    });

    it('records nothing when nothing changes', () => {
      given(TenantDecider, [created]).when(update({ name: creation.name, paybillNumber: '888880', billing: { ...billing } })).then([]);
      given(TenantDecider, [created]).when(update({})).then([]);
    });

    it.each<[string, Partial<UpdateTenant['data']>]>([
      ['tenant.invalid_name', { name: ' ' }],
      ['tenant.invalid_paybill', { paybillNumber: '12' }],
      ['tenant.invalid_billing_email', { billing: { ...billing, email: 'no-at-sign' } }],
    ])('refuses %s', (code, changes) => {
      given(TenantDecider, [created]).when(update(changes)).thenThrows(code, { kind: 'invalid' });
    });

    it('refuses an unknown tenant (404) and a deactivated one (409)', () => {
      given(TenantDecider).when(update({ name: 'X' })).thenThrows('tenant.not_found', { kind: 'not_found', details: { tenantId: 't-1' } });
      given(TenantDecider, [created, deactivated]).when(update({ name: 'X' })).thenThrows('tenant.deactivated', { kind: 'conflict' });
    });
  });

  describe('ReplaceVendorCredentials', () => {
    const replace = { type: 'ReplaceVendorCredentials' as const, data: credentialsChange };

    it('replaces the sealed credentials, even with the same text', () => {
      given(TenantDecider, [created]).when(replace).then([{ type: 'TenantVendorCredentialsReplaced', data: credentialsChange }]);
      given(TenantDecider, [created, { type: 'TenantVendorCredentialsReplaced', data: credentialsChange }]).thenState({
        status: 'active',
        ...facts,
        sealedVendorCredentials: 'v1.other',
      });
    });

    it('refuses an unknown tenant and a deactivated one', () => {
      given(TenantDecider).when(replace).thenThrows('tenant.not_found', { kind: 'not_found' });
      given(TenantDecider, [created, deactivated]).when(replace).thenThrows('tenant.deactivated', { kind: 'conflict' });
    });
  });

  describe('DeactivateTenant and ReactivateTenant', () => {
    const deactivate = { type: 'DeactivateTenant' as const, data: deactivation };
    const reactivate = { type: 'ReactivateTenant' as const, data: reactivation };

    it('deactivates an active tenant, once', () => {
      given(TenantDecider, [created]).when(deactivate).then([deactivated]);
      given(TenantDecider, [created, deactivated]).when(deactivate).then([]);
    });

    it('reactivates a deactivated tenant, once', () => {
      given(TenantDecider, [created, deactivated]).when(reactivate).then([reactivated]);
      given(TenantDecider, [created]).when(reactivate).then([]);
      given(TenantDecider, [created, deactivated, reactivated]).when(update({ name: 'Back again' })).then([
        { type: 'TenantUpdated', data: update({ name: 'Back again' }).data },
      ]);
    });

    it('refuses an unknown tenant', () => {
      given(TenantDecider).when(deactivate).thenThrows('tenant.not_found', { kind: 'not_found' });
      given(TenantDecider).when(reactivate).thenThrows('tenant.not_found', { kind: 'not_found' });
    });

    it('keeps the facts while deactivated', () => {
      given(TenantDecider, [created, deactivated]).thenState({ status: 'deactivated', ...facts });
      given(TenantDecider, [created, deactivated, reactivated]).thenState({ status: 'active', ...facts });
    });
  });
});
