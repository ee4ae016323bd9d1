import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/**
 * A stock allocation record: who gave which serials to which wholesaler, when, and why. The serials move on their
 * own streams (each carries the allocation id); this stream records the request and how it ended, so an
 * allocation interrupted half-way is visible as `open`.
 */
export const stockAllocationStreamId = (allocationId: string): string => `allocation-${allocationId}`;

export const MAX_ALLOCATION_QUANTITY = 1_000;
const MAX_NOTES_LENGTH = 1_000;

export interface AllocationRequest {
  readonly allocationId: string;
  readonly wholesalerId: string;
  /** Set when a quantity of a model is asked for; null when named serials are. */
  readonly modelId: string | null;
  readonly quantity: number;
  /** The serials asked for by name, or empty when the service picks them. */
  readonly requestedSerials: readonly string[];
  readonly notes: string | null;
  readonly openedBy: string | null;
  readonly openedAt: string;
}

export type OpenAllocation = DomainCommand<'OpenAllocation', AllocationRequest>;
export type CompleteAllocation = DomainCommand<
  'CompleteAllocation',
  { readonly allocationId: string; readonly serials: readonly string[]; readonly completedAt: string }
>;
export type FailAllocation = DomainCommand<
  'FailAllocation',
  { readonly allocationId: string; readonly reason: string; readonly failedAt: string }
>;
export type StockAllocationCommand = OpenAllocation | CompleteAllocation | FailAllocation;

export type AllocationOpened = DomainEvent<'AllocationOpened', AllocationRequest>;
export type AllocationCompleted = DomainEvent<'AllocationCompleted', CompleteAllocation['data']>;
export type AllocationFailed = DomainEvent<'AllocationFailed', FailAllocation['data']>;
export type StockAllocationEvent = AllocationOpened | AllocationCompleted | AllocationFailed;

export type StockAllocationState =
  | { readonly status: 'none' }
  | ({ readonly status: 'open' } & AllocationRequest)
  | ({ readonly status: 'completed'; readonly serials: readonly string[] } & AllocationRequest)
  | ({ readonly status: 'failed'; readonly reason: string } & AllocationRequest);

const validateRequest = (request: AllocationRequest): void => {
  const { quantity, requestedSerials, modelId, notes } = request;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_ALLOCATION_QUANTITY) {
    throw invalid('allocation.invalid_quantity', `An allocation is 1..${MAX_ALLOCATION_QUANTITY} serials`, { quantity });
  }
  const named = requestedSerials.length > 0;
  if (named === (modelId !== null) || (named && requestedSerials.length !== quantity)) {
    throw invalid('allocation.invalid_request', 'Name the serials, or give a model and a quantity, not both');
  }
  if (new Set(requestedSerials).size !== requestedSerials.length) {
    throw invalid('allocation.duplicate_serials', 'A serial is named twice in the allocation');
  }
  if (notes !== null && notes.length > MAX_NOTES_LENGTH) {
    throw invalid('allocation.invalid_notes', `Notes are at most ${MAX_NOTES_LENGTH} characters`);
  }
};

/** The completion names each serial once and, for named serials, exactly those. */
const consistent = (request: AllocationRequest, serials: readonly string[]): boolean => {
  const distinct = new Set(serials);
  if (distinct.size !== serials.length) return false;
  return request.requestedSerials.length === 0 || request.requestedSerials.every((serial) => distinct.has(serial));
};

const decide = (command: StockAllocationCommand, state: StockAllocationState): readonly StockAllocationEvent[] => {
  const { allocationId } = command.data;
  if (command.type === 'OpenAllocation') {
    validateRequest(command.data);
    if (state.status !== 'none') throw conflict('allocation.already_exists', `Allocation ${allocationId} exists`, { allocationId });
    return [{ type: 'AllocationOpened', data: command.data }];
  }
  if (state.status === 'none') throw notFound('allocation.not_found', `Allocation ${allocationId} does not exist`, { allocationId });
  if (state.status !== 'open') {
    // Finishing twice the same way is a retry; finishing the other way is a contradiction.
    const same = (command.type === 'CompleteAllocation') === (state.status === 'completed');
    if (same) return [];
    throw conflict('allocation.closed', `Allocation ${allocationId} is already ${state.status}`, { allocationId });
  }
  switch (command.type) {
    case 'CompleteAllocation':
      if (command.data.serials.length !== state.quantity) {
        throw invalid('allocation.incomplete', `Allocation ${allocationId} needs ${state.quantity} serials`, {
          allocationId,
          got: command.data.serials.length,
        });
      }
      if (!consistent(state, command.data.serials)) {
        throw invalid('allocation.inconsistent', `Allocation ${allocationId} must list distinct serials, the named ones if any`, {
          allocationId,
        });
      }
      return [{ type: 'AllocationCompleted', data: command.data }];
    case 'FailAllocation':
      return [{ type: 'AllocationFailed', data: command.data }];
    default:
      return assertNever(command);
  }
};

const evolve = (state: StockAllocationState, event: StockAllocationEvent): StockAllocationState => {
  switch (event.type) {
    case 'AllocationOpened':
      return { status: 'open', ...event.data };
    case 'AllocationCompleted':
      return state.status === 'open' ? { ...state, status: 'completed', serials: event.data.serials } : state;
    case 'AllocationFailed':
      return state.status === 'open' ? { ...state, status: 'failed', reason: event.data.reason } : state;
    default:
      return assertNever(event);
  }
};

export const StockAllocationDecider: Decider<StockAllocationCommand, StockAllocationEvent, StockAllocationState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
