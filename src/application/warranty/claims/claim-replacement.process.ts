import { normaliseSerial } from '../../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId, type SerialNumberState } from '../../../domain/inventory/serial-number.decider';
import type { Decider } from '../../../domain/shared/decider';
import { conflict } from '../../../domain/shared/domain-error';
import type { DomainEvent } from '../../../domain/shared/event';
import { ClaimDecider, claimStreamId, type ClaimEvent, type ClaimState, type ClaimStep, type ResolveClaim } from '../../../domain/warranty/claim.decider';
import { WarrantyDecider, warrantyStreamId, type WarrantyState, type WarrantyTerms } from '../../../domain/warranty/warranty.decider';
import type { CommandContext } from '../../shared/command-context';
import type { CommandResult } from '../../shared/command-executor';
import type { CommandServices } from '../../shared/command-services';
import { loadAggregate } from '../../shared/load-aggregate';

type FiledClaimState = Exclude<ClaimState, { status: 'none' }>;
type IssuedWarranty = Exclude<WarrantyState, { status: 'none' }>;

const IN_STOCK: readonly SerialNumberState['status'][] = ['available', 'allocated'];

/**
 * Resolves a claim by replacing the battery, across four streams: the warranty moves to the new serial, the new
 * serial is sold to the consumer, the warranty leaves the old serial, the old serial is retired, and the claim is
 * resolved. There is no transaction across streams, so every step is safe to run again: the deciders answer []
 * for a step already done, and the checks below recognise a replacement this claim already started. A failure
 * part-way leaves the claim approved; resolving it again finishes the work.
 */
export class ClaimReplacementProcess {
  constructor(private readonly services: CommandServices) {}

  async run(claim: FiledClaimState, step: ClaimStep, replacementInput: string, context: CommandContext): Promise<CommandResult<ClaimEvent, ClaimState>> {
    const replacementSerial = normaliseSerial(replacementInput);
    const resolve: ResolveClaim = { type: 'ResolveClaim', data: { ...step, outcome: 'replaced', replacementSerial } };
    // A dry run first: a claim that cannot be resolved (not approved, the same serial) changes no other stream.
    ClaimDecider.decide(resolve, claim);

    const oldSerial = claim.serial;
    const terms = await this.warrantyTerms(claim, replacementSerial);
    const newWarranty = await loadAggregate(this.services.eventStore, WarrantyDecider, warrantyStreamId(replacementSerial));
    const resumed = newWarranty.recorded.some(
      (e) => e.type === 'WarrantyTransferredIn' && (e.data as { claimId?: string }).claimId === claim.claimId,
    );
    const newSerial = await this.serialState(replacementSerial);
    if (!resumed) this.assertEligible(replacementSerial, newSerial, newWarranty.state);
    const oldSerialState = await this.serialState(oldSerial);
    this.assertRetirable(claim, oldSerialState, replacementSerial);

    const at = step.at;
    await this.execute('claim-replacement-warranty-in', WarrantyDecider, warrantyStreamId(replacementSerial), context, {
      type: 'TransferWarrantyIn',
      data: { ...terms, serial: replacementSerial, fromSerial: oldSerial, claimId: claim.claimId, transferredAt: at },
    });
    // Sold by an earlier run of this very step: the serial was in stock when that run checked it.
    if (newSerial.status !== 'sold') {
      await this.execute('claim-replacement-sell', SerialNumberDecider, serialNumberStreamId(replacementSerial), context, {
        type: 'SellSerialNumber',
        data: { serial: replacementSerial, soldAt: at, soldTo: claim.consumer.name },
      });
    }
    await this.execute('claim-replacement-warranty-out', WarrantyDecider, warrantyStreamId(oldSerial), context, {
      type: 'TransferWarrantyOut',
      data: { serial: oldSerial, warrantyId: claim.warrantyId, toSerial: replacementSerial, claimId: claim.claimId, transferredAt: at },
    });
    // Only a sold serial can be replaced; a warranty may have been activated on one never recorded as sold.
    if (IN_STOCK.includes(oldSerialState.status)) {
      await this.execute('claim-replacement-sell-old', SerialNumberDecider, serialNumberStreamId(oldSerial), context, {
        type: 'SellSerialNumber',
        data: { serial: oldSerial, soldAt: claim.filedAt, soldTo: claim.consumer.name },
      });
    }
    await this.execute('claim-replacement-retire', SerialNumberDecider, serialNumberStreamId(oldSerial), context, {
      type: 'ReplaceSerialNumber',
      data: { serial: oldSerial, replacementSerial, claimId: claim.claimId, replacedAt: at },
    });
    return this.services.executor.execute({ operation: 'resolve-claim', decider: ClaimDecider, streamId: claimStreamId(claim.claimId), command: resolve, context });
  }

  /** The claimed warranty's terms, from the old serial: still active there, or already moved by this claim. */
  private async warrantyTerms(claim: FiledClaimState, replacementSerial: string): Promise<WarrantyTerms> {
    const { state } = await loadAggregate(this.services.eventStore, WarrantyDecider, warrantyStreamId(claim.serial));
    const ours = state.status !== 'none' && state.warrantyId === claim.warrantyId;
    const movedByUs = state.status === 'transferred' && state.claimId === claim.claimId && state.transferredTo === replacementSerial;
    if (!ours || (state.status !== 'active' && !movedByUs)) {
      throw conflict('claim.warranty_not_active', `Warranty ${claim.warrantyNumber} no longer covers ${claim.serial}`, {
        warrantyId: claim.warrantyId,
        status: state.status,
      });
    }
    const { warrantyId, warrantyNumber, modelId, consumer, startsOn, endsOn } = state as IssuedWarranty;
    return { warrantyId, warrantyNumber, modelId, consumer, startsOn, endsOn };
  }

  private async serialState(serial: string): Promise<SerialNumberState> {
    return (await loadAggregate(this.services.eventStore, SerialNumberDecider, serialNumberStreamId(serial))).state;
  }

  private assertEligible(serial: string, state: SerialNumberState, warranty: WarrantyState): void {
    if (state.status === 'none') throw conflict('claim.replacement_not_found', `Serial ${serial} does not exist`, { serial });
    if (!IN_STOCK.includes(state.status)) {
      throw conflict('claim.replacement_not_in_stock', `Serial ${serial} is ${state.status}; a replacement must be available or allocated`, {
        serial,
        status: state.status,
      });
    }
    if (warranty.status === 'active') {
      throw conflict('claim.replacement_has_warranty', `Serial ${serial} already has an active warranty`, { serial, warrantyId: warranty.warrantyId });
    }
  }

  private assertRetirable(claim: FiledClaimState, state: SerialNumberState, replacementSerial: string): void {
    const retiredByUs = state.status === 'replaced' && state.claimId === claim.claimId && state.replacementSerial === replacementSerial;
    if (state.status === 'sold' || IN_STOCK.includes(state.status) || retiredByUs) return;
    throw conflict('claim.serial_not_replaceable', `Serial ${claim.serial} is ${state.status} and cannot be replaced`, {
      serial: claim.serial,
      status: state.status,
    });
  }

  private async execute<C, E extends DomainEvent, S>(
    operation: string,
    decider: Decider<C, E, S>,
    streamId: string,
    context: CommandContext,
    command: C,
  ): Promise<void> {
    await this.services.executor.execute({ operation, decider, streamId, context, command });
  }
}
