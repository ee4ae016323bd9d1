import { normaliseSerial } from '../../domain/inventory/serial-code';
import { SerialNumberDecider, serialNumberStreamId, type SerialNumberCommand } from '../../domain/inventory/serial-number.decider';
import {
  StockAllocationDecider,
  stockAllocationStreamId,
  type AllocationRequest,
  type StockAllocationCommand,
} from '../../domain/inventory/stock-allocation.decider';
import { conflict, isDomainError, notFound, type DomainError } from '../../domain/shared/domain-error';
import { withoutIdempotencyKey, type CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import type { UserAccounts } from '../identity/user-accounts';
import { pagesOf } from '../shared/keyset-pages';
import { loadAggregate } from '../shared/load-aggregate';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { SERIAL_NUMBERS, type SerialNumberView } from './inventory.read-model';

export interface AllocateStockInput {
  readonly wholesalerId: string;
  readonly notes: string | null;
  /** Either named serials ... */
  readonly serials?: readonly string[] | undefined;
  /** ... or a quantity of a model, picked oldest first from available stock. */
  readonly modelId?: string | undefined;
  readonly quantity?: number | undefined;
}

export interface AllocationOutcome extends Positioned {
  readonly allocationId: string;
  readonly serials: readonly string[];
}

/** Serials tried at once; each is its own stream, so they append in parallel. */
const PARALLEL = 16;

/**
 * Allocates stock to a wholesaler, all or nothing. The allocation record is opened first; each serial then moves on
 * its own stream with "available" checked by its decider, so two allocations racing for one serial can never both
 * get it. If the allocation cannot be filled, the serials it took go back to available stock and the record says why.
 */
export class AllocateStockHandler {
  constructor(
    private readonly services: CommandServices,
    private readonly documents: DocumentStore,
    private readonly accounts: UserAccounts,
  ) {}

  async execute(input: AllocateStockInput, context: CommandContext): Promise<AllocationOutcome> {
    await this.assertWholesaler(input.wholesalerId);
    const requestedSerials = (input.serials ?? []).map(normaliseSerial);
    const allocationId = this.services.metadata.entityId('allocate-stock', context);
    const request: AllocationRequest = {
      allocationId,
      wholesalerId: input.wholesalerId,
      modelId: input.modelId ?? null,
      quantity: requestedSerials.length > 0 ? requestedSerials.length : (input.quantity ?? 0),
      requestedSerials,
      notes: input.notes,
      openedBy: context.actor?.userId ?? null,
      openedAt: this.now(),
    };
    const opened = await this.record({ type: 'OpenAllocation', data: request }, context);
    if (opened.replayed) return this.replayed(allocationId, opened.position);
    const taken: string[] = [];
    try {
      if (requestedSerials.length > 0) await this.takeNamed(request, taken, context);
      else await this.takeFromStock(request, taken, context);
    } catch (error) {
      await this.undo(request, taken, error, context);
      throw error;
    }
    const done = await this.record({ type: 'CompleteAllocation', data: { allocationId, serials: taken, completedAt: this.now() } }, context);
    return { allocationId, serials: taken, position: done.position };
  }

  /**
   * Takes the named serials in sorted order, the first on its own: two allocations racing for the same serials meet
   * on the first one, so one of them wins it and goes on, instead of each taking half and both giving up.
   */
  private async takeNamed(request: AllocationRequest, taken: string[], context: CommandContext): Promise<void> {
    const refused: { serial: string; code: string }[] = [];
    const [first, ...rest] = [...request.requestedSerials].sort();
    const chunks = [[first!], ...Array.from({ length: Math.ceil(rest.length / PARALLEL) }, (_, i) => rest.slice(i * PARALLEL, (i + 1) * PARALLEL))];
    for (const chunk of chunks) {
      if (refused.length > 0) break;
      const results = await Promise.all(chunk.map((serial) => this.takeOne(serial, request, context)));
      results.forEach((result, index) => {
        const serial = chunk[index]!;
        if (result === true) taken.push(serial);
        else refused.push({ serial, code: result.code });
      });
    }
    const order = new Map(request.requestedSerials.map((serial, index) => [serial, index]));
    taken.sort((x, y) => order.get(x)! - order.get(y)!);
    if (refused.length > 0) {
      throw conflict('allocation.serials_unavailable', `${refused.length} of the serials cannot be allocated`, { refused });
    }
  }

  /** Walks the model's available serials in id order, skipping any another allocation takes first. */
  private async takeFromStock(request: AllocationRequest, taken: string[], context: CommandContext): Promise<void> {
    const pageSize = Math.min(Math.max(request.quantity, PARALLEL), 200);
    const available = { modelId: request.modelId, status: 'available' };
    for await (const items of pagesOf<SerialNumberView>(this.documents, SERIAL_NUMBERS, available, pageSize)) {
      for (let i = 0; i < items.length && taken.length < request.quantity; ) {
        const chunk = items.slice(i, i + Math.min(PARALLEL, request.quantity - taken.length));
        i += chunk.length;
        const results = await Promise.all(chunk.map((doc) => this.takeOne(doc.serial, request, context)));
        results.forEach((result, index) => result === true && taken.push(chunk[index]!.serial));
      }
      if (taken.length === request.quantity) return;
    }
    throw conflict('allocation.insufficient_stock', `Only ${taken.length} of ${request.quantity} serials are available`, {
      modelId: request.modelId,
      requested: request.quantity,
      available: taken.length,
    });
  }

  /** True when the serial is now in the wholesaler's stock; the refusal when it is not available (or not of the model). */
  private async takeOne(serial: string, request: AllocationRequest, context: CommandContext): Promise<true | DomainError> {
    try {
      await this.services.executor.execute({
        operation: 'allocate-serial',
        decider: SerialNumberDecider,
        streamId: serialNumberStreamId(serial),
        command: (state): SerialNumberCommand => {
          if (request.modelId !== null && state.status !== 'none' && state.modelId !== request.modelId) {
            throw conflict('allocation.wrong_model', `Serial ${serial} is not of model ${request.modelId}`, { serial });
          }
          return {
            type: 'AllocateSerialNumber',
            data: { serial, wholesalerId: request.wholesalerId, allocationId: request.allocationId, allocatedAt: this.now() },
          };
        },
        context,
      });
      return true;
    } catch (error) {
      if (isDomainError(error) && (error.kind === 'conflict' || error.kind === 'not_found')) return error;
      throw error;
    }
  }

  /** Gives back what was taken and records the failure; the caller reports the original error. */
  private async undo(request: AllocationRequest, taken: readonly string[], error: unknown, context: CommandContext): Promise<void> {
    const plain = withoutIdempotencyKey(context);
    const reason = `Allocation ${request.allocationId} failed`;
    await Promise.all(
      taken.map((serial) =>
        this.services.executor.execute({
          operation: 'release-serial',
          decider: SerialNumberDecider,
          streamId: serialNumberStreamId(serial),
          command: { type: 'ReleaseSerialNumber', data: { serial, reason, releasedAt: this.now() } },
          context: plain,
        }),
      ),
    );
    const why = isDomainError(error) ? error.code : 'allocation.error';
    await this.record({ type: 'FailAllocation', data: { allocationId: request.allocationId, reason: why, failedAt: this.now() } }, plain);
  }

  private async replayed(allocationId: string, position: number): Promise<AllocationOutcome> {
    const { state } = await loadAggregate(this.services.eventStore, StockAllocationDecider, stockAllocationStreamId(allocationId));
    if (state.status !== 'completed') {
      throw conflict('allocation.not_completed', `Allocation ${allocationId} did not complete`, { allocationId, status: state.status });
    }
    return { allocationId, serials: state.serials, position };
  }

  private async assertWholesaler(wholesalerId: string): Promise<void> {
    const state = await this.accounts.load(wholesalerId);
    if (state.status === 'none' || state.role !== 'wholesaler') {
      throw notFound('allocation.wholesaler_not_found', `No wholesaler ${wholesalerId}`, { wholesalerId });
    }
    if (state.status !== 'active') {
      throw conflict('allocation.wholesaler_inactive', `Wholesaler ${wholesalerId} is ${state.status}`, { wholesalerId });
    }
  }

  private record(command: StockAllocationCommand, context: CommandContext) {
    return this.services.executor.execute({
      operation: command.type === 'OpenAllocation' ? 'open-allocation' : 'close-allocation',
      decider: StockAllocationDecider,
      streamId: stockAllocationStreamId(command.data.allocationId),
      command,
      context,
    });
  }

  private now(): string {
    return this.services.clock.now().toISOString();
  }
}
