import { isEmailAddress } from '../shared/contact';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/**
 * A tenant: one of the water utility's clients (Amsol), whose users, meters and customers are theirs alone.
 * Vendor credentials arrive already sealed (encrypted by the application); the domain never sees them in clear.
 */
export const tenantStreamId = (tenantId: string): string => `tenant-${tenantId}`;

/** Safaricom paybill numbers are 5 to 7 digits. */
const PAYBILL_PATTERN = /^[0-9]{5,7}$/;
const MAX_NAME_LENGTH = 160;

export interface BillingInfo {
  readonly contactName: string | null;
  readonly email: string;
  readonly phone: string | null;
  readonly address: string | null;
  /** KRA PIN or another tax number. */
  readonly taxNumber: string | null;
}

export interface TenantFacts {
  readonly tenantId: string;
  readonly name: string;
  readonly paybillNumber: string;
  readonly billing: BillingInfo;
  readonly sealedVendorCredentials: string | null;
  readonly createdAt: string;
}
export type CreateTenant = DomainCommand<'CreateTenant', TenantFacts & { readonly createdBy: string | null }>;
export type UpdateTenant = DomainCommand<
  'UpdateTenant',
  {
    readonly tenantId: string;
    readonly name?: string | undefined;
    readonly paybillNumber?: string | undefined;
    readonly billing?: BillingInfo | undefined;
    readonly changedAt: string;
    readonly changedBy: string | null;
  }
>;
export type ReplaceVendorCredentials = DomainCommand<
  'ReplaceVendorCredentials',
  { readonly tenantId: string; readonly sealedVendorCredentials: string | null; readonly changedAt: string; readonly changedBy: string | null }
>;
export type DeactivateTenant = DomainCommand<
  'DeactivateTenant',
  { readonly tenantId: string; readonly reason: string | null; readonly deactivatedAt: string; readonly deactivatedBy: string | null }
>;
export type ReactivateTenant = DomainCommand<
  'ReactivateTenant',
  { readonly tenantId: string; readonly reactivatedAt: string; readonly reactivatedBy: string | null }
>;
export type TenantCommand = CreateTenant | UpdateTenant | ReplaceVendorCredentials | DeactivateTenant | ReactivateTenant;

export type TenantCreated = DomainEvent<'TenantCreated', CreateTenant['data']>;
export type TenantUpdated = DomainEvent<'TenantUpdated', UpdateTenant['data']>;
export type TenantVendorCredentialsReplaced = DomainEvent<'TenantVendorCredentialsReplaced', ReplaceVendorCredentials['data']>;
export type TenantDeactivated = DomainEvent<'TenantDeactivated', DeactivateTenant['data']>;
export type TenantReactivated = DomainEvent<'TenantReactivated', ReactivateTenant['data']>;
export type TenantEvent = TenantCreated | TenantUpdated | TenantVendorCredentialsReplaced | TenantDeactivated | TenantReactivated;

export type TenantState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & TenantFacts)
  | ({ readonly status: 'deactivated' } & TenantFacts);

const assertName = (name: string): void => {
  if (name.trim().length === 0 || name.length > MAX_NAME_LENGTH) {
    throw invalid('tenant.invalid_name', `A tenant name is 1..${MAX_NAME_LENGTH} characters`);
  }
};
const assertPaybill = (paybill: string): void => {
  if (!PAYBILL_PATTERN.test(paybill)) throw invalid('tenant.invalid_paybill', 'A paybill number is 5 to 7 digits', { paybillNumber: paybill });
};
const assertBilling = (billing: BillingInfo): void => {
  if (!isEmailAddress(billing.email)) throw invalid('tenant.invalid_billing_email', 'The billing email address is not valid');
};

const existing = (state: TenantState, tenantId: string) => {
  if (state.status === 'none') throw notFound('tenant.not_found', `Tenant ${tenantId} does not exist`, { tenantId });
  return state;
};
const active = (state: TenantState, tenantId: string) => {
  const tenant = existing(state, tenantId);
  if (tenant.status !== 'active') throw conflict('tenant.deactivated', `Tenant ${tenantId} is deactivated`, { tenantId });
  return tenant;
};

const decide = (command: TenantCommand, state: TenantState): readonly TenantEvent[] => {
  switch (command.type) {
    case 'CreateTenant': {
      const { data } = command;
      assertName(data.name);
      assertPaybill(data.paybillNumber);
      assertBilling(data.billing);
      if (state.status !== 'none') throw conflict('tenant.already_exists', `Tenant ${data.tenantId} already exists`);
      return [{ type: 'TenantCreated', data }];
    }
    case 'UpdateTenant': {
      const { data } = command;
      const tenant = active(state, data.tenantId);
      if (data.name !== undefined) assertName(data.name);
      if (data.paybillNumber !== undefined) assertPaybill(data.paybillNumber);
      if (data.billing !== undefined) assertBilling(data.billing);
      const unchanged =
        (data.name === undefined || data.name === tenant.name) &&
        (data.paybillNumber === undefined || data.paybillNumber === tenant.paybillNumber) &&
        (data.billing === undefined || JSON.stringify(data.billing) === JSON.stringify(tenant.billing));
      return unchanged ? [] : [{ type: 'TenantUpdated', data }];
    }
    case 'ReplaceVendorCredentials':
      active(state, command.data.tenantId);
      return [{ type: 'TenantVendorCredentialsReplaced', data: command.data }];
    case 'DeactivateTenant':
      return existing(state, command.data.tenantId).status === 'deactivated' ? [] : [{ type: 'TenantDeactivated', data: command.data }];
    case 'ReactivateTenant':
      return existing(state, command.data.tenantId).status === 'active' ? [] : [{ type: 'TenantReactivated', data: command.data }];
    default:
      return assertNever(command);
  }
};

const evolve = (state: TenantState, event: TenantEvent): TenantState => {
  if (event.type === 'TenantCreated') {
    const { tenantId, name, paybillNumber, billing, sealedVendorCredentials, createdAt } = event.data;
    return { status: 'active', tenantId, name, paybillNumber, billing, sealedVendorCredentials, createdAt };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TenantUpdated': {
      const { name, paybillNumber, billing } = event.data;
      return { ...state, name: name ?? state.name, paybillNumber: paybillNumber ?? state.paybillNumber, billing: billing ?? state.billing };
    }
    case 'TenantVendorCredentialsReplaced':
      return { ...state, sealedVendorCredentials: event.data.sealedVendorCredentials };
    case 'TenantDeactivated':
      return { ...state, status: 'deactivated' };
    case 'TenantReactivated':
      return { ...state, status: 'active' };
    default:
      return assertNever(event);
  }
};

export const TenantDecider: Decider<TenantCommand, TenantEvent, TenantState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
