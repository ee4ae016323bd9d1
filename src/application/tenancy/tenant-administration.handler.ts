import { forbidden } from '../../domain/shared/domain-error';
import {
  TenantDecider,
  tenantStreamId,
  type BillingInfo,
  type CreateTenant,
  type TenantCommand,
  type TenantState,
  type UpdateTenant,
} from '../../domain/tenancy/tenant.decider';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { loadAggregate } from '../shared/load-aggregate';
import type { SecretSealer } from '../shared/ports/secret-sealer.port';
import { isVisibleTo } from '../shared/tenant-scope';
import { sealVendorCredentials, tenantNotFound, type VendorCredentials } from './vendor-credentials';

/** Paybill numbers are claimed through their own streams, so two tenants never share one. */
export const PAYBILL_SCOPE = 'paybill';

export interface BillingInput {
  readonly contactName?: string | null | undefined;
  readonly email: string;
  readonly phone?: string | null | undefined;
  readonly address?: string | null | undefined;
  readonly taxNumber?: string | null | undefined;
}

export interface NewTenant {
  readonly name: string;
  readonly paybillNumber: string;
  readonly billing: BillingInput;
  readonly vendorCredentials?: VendorCredentials | null | undefined;
}

export interface TenantChanges {
  readonly name?: string | undefined;
  readonly paybillNumber?: string | undefined;
  readonly billing?: BillingInput | undefined;
}

/** Always the same key order, so the decider's "nothing changed" comparison holds. */
const billingOf = (input: BillingInput): BillingInfo => ({
  contactName: input.contactName?.trim() || null,
  email: input.email.trim().toLowerCase(),
  phone: input.phone?.trim() || null,
  address: input.address?.trim() || null,
  taxNumber: input.taxNumber?.trim() || null,
});

const paybillOf = (state: TenantState): string | null => (state.status === 'none' ? null : state.paybillNumber);

/**
 * What the platform administrator does to tenants. Vendor credentials are sealed here, before any command is
 * built, so the domain, the events and the read models only ever hold the sealed text.
 */
export class TenantAdministration {
  constructor(
    private readonly services: CommandServices,
    private readonly sealer: SecretSealer,
  ) {}

  async create(input: NewTenant, context: CommandContext): Promise<Positioned & { tenantId: string }> {
    if (context.actor?.tenantId) throw forbidden('tenant.outside_tenant', "A tenant's users cannot create tenants");
    const { metadata, uniqueKeys, executor } = this.services;
    const tenantId = metadata.entityId('create-tenant', context);
    const command: CreateTenant = {
      type: 'CreateTenant',
      data: {
        tenantId,
        name: input.name.trim(),
        paybillNumber: input.paybillNumber,
        billing: billingOf(input.billing),
        sealedVendorCredentials: input.vendorCredentials ? sealVendorCredentials(this.sealer, input.vendorCredentials) : null,
        createdAt: this.now(),
        createdBy: context.actor?.userId ?? null,
      },
    };
    // Validate before claiming, so bad input leaves no claim behind.
    TenantDecider.decide(command, TenantDecider.initialState);
    await uniqueKeys.reserve(PAYBILL_SCOPE, input.paybillNumber, tenantId, context, `Paybill ${input.paybillNumber} belongs to another tenant`);
    try {
      const result = await executor.execute({ operation: 'create-tenant', decider: TenantDecider, streamId: tenantStreamId(tenantId), command, context });
      return { tenantId, position: result.position };
    } catch (error) {
      await this.services.uniqueKeys.giveBack([[PAYBILL_SCOPE, input.paybillNumber]], tenantId, context);
      throw error;
    }
  }

  /** A new paybill is claimed before the change and the old one given back after it. */
  async update(tenantId: string, changes: TenantChanges, context: CommandContext): Promise<Positioned> {
    this.assertVisible(tenantId, context);
    const paybill = changes.paybillNumber;
    const changedAt = this.now();
    // The paybill the change replaces, as seen by the last decision (a retried write re-reads the stream).
    const seen: { previous: string | null } = { previous: null };
    const build = (state: TenantState): UpdateTenant => {
      seen.previous = paybillOf(state);
      return {
        type: 'UpdateTenant',
        data: {
          tenantId,
          name: changes.name?.trim(),
          paybillNumber: paybill,
          billing: changes.billing && billingOf(changes.billing),
          changedAt,
          changedBy: context.actor?.userId ?? null,
        },
      };
    };
    const { state } = await loadAggregate(this.services.eventStore, TenantDecider, tenantStreamId(tenantId));
    TenantDecider.decide(build(state), state);
    const claims = paybill !== undefined && paybill !== seen.previous;
    if (claims) await this.services.uniqueKeys.reserve(PAYBILL_SCOPE, paybill, tenantId, context, `Paybill ${paybill} belongs to another tenant`);
    try {
      const result = await this.services.executor.execute({ operation: 'update-tenant', decider: TenantDecider, streamId: tenantStreamId(tenantId), command: build, context });
      if (claims && seen.previous !== null && seen.previous !== paybill) {
        await this.services.uniqueKeys.giveBack([[PAYBILL_SCOPE, seen.previous]], tenantId, context);
      }
      return { position: result.position };
    } catch (error) {
      // Unless a concurrent change already gave this tenant the same paybill.
      if (claims && seen.previous !== paybill) await this.services.uniqueKeys.giveBack([[PAYBILL_SCOPE, paybill]], tenantId, context);
      throw error;
    }
  }

  replaceVendorCredentials(tenantId: string, credentials: VendorCredentials, context: CommandContext): Promise<Positioned> {
    this.assertVisible(tenantId, context);
    const sealedVendorCredentials = sealVendorCredentials(this.sealer, credentials);
    return this.run(
      tenantId,
      { type: 'ReplaceVendorCredentials', data: { tenantId, sealedVendorCredentials, changedAt: this.now(), changedBy: context.actor?.userId ?? null } },
      context,
    );
  }

  /** Tenants are never deleted: their users, meters and history stay, and the paybill stays theirs. */
  deactivate(tenantId: string, reason: string | null, context: CommandContext): Promise<Positioned> {
    this.assertVisible(tenantId, context);
    return this.run(
      tenantId,
      { type: 'DeactivateTenant', data: { tenantId, reason, deactivatedAt: this.now(), deactivatedBy: context.actor?.userId ?? null } },
      context,
    );
  }

  reactivate(tenantId: string, context: CommandContext): Promise<Positioned> {
    this.assertVisible(tenantId, context);
    return this.run(tenantId, { type: 'ReactivateTenant', data: { tenantId, reactivatedAt: this.now(), reactivatedBy: context.actor?.userId ?? null } }, context);
  }

  /** Another tenant's id answers exactly like an unknown one. */
  private assertVisible(tenantId: string, context: CommandContext): void {
    if (!isVisibleTo(context.actor, { tenantId })) throw tenantNotFound(tenantId);
  }

  private async run(tenantId: string, command: TenantCommand, context: CommandContext): Promise<Positioned> {
    const operation = `tenant-${command.type}`;
    const result = await this.services.executor.execute({ operation, decider: TenantDecider, streamId: tenantStreamId(tenantId), command, context });
    return { position: result.position };
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
