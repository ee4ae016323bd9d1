import {
  MAX_ALLOCATION_QUANTITY,
  StockAllocationDecider,
  stockAllocationStreamId,
  type AllocationRequest,
  type CompleteAllocation,
  type FailAllocation,
  type OpenAllocation,
  type StockAllocationEvent,
} from '../../../../src/domain/inventory/stock-allocation.decider';
import { given } from '../decider-spec';

const byModel: AllocationRequest = {
  allocationId: 'a-1',
  wholesalerId: 'w-1',
  modelId: 'm-1',
  quantity: 3,
  requestedSerials: [],
  notes: 'Nairobi depot restock',
  openedBy: 'u-1',
  openedAt: '2024-05-02T10:00:00.000Z',
};
const byName: AllocationRequest = { ...byModel, modelId: null, quantity: 2, requestedSerials: ['S1', 'S2'], notes: null };
const open = (overrides: Partial<AllocationRequest> = {}): OpenAllocation => ({
  type: 'OpenAllocation',
  data: { ...byModel, ...overrides },
});
const opened = (request: AllocationRequest = byModel): StockAllocationEvent => ({ type: 'AllocationOpened', data: request });
const complete = (serials: readonly string[] = ['S1', 'S2', 'S3']): CompleteAllocation => ({
  type: 'CompleteAllocation',
  data: { allocationId: 'a-1', serials, completedAt: '2024-05-02T10:00:05.000Z' },
});
const completed = (serials: readonly string[] = ['S1', 'S2', 'S3']): StockAllocationEvent => ({
  type: 'AllocationCompleted',
  data: complete(serials).data,
});
const fail = (reason = 'Only 2 serials available'): FailAllocation => ({
  type: 'FailAllocation',
  data: { allocationId: 'a-1', reason, failedAt: '2024-05-02T10:00:05.000Z' },
});
const failed: StockAllocationEvent = { type: 'AllocationFailed', data: fail().data };

describe('stock allocation', () => {
  it('names its stream allocation-<allocationId>', () => {
    expect(stockAllocationStreamId('a-1')).toBe('allocation-a-1');
  });

  describe('OpenAllocation', () => {
    it('opens an allocation of a quantity of a model', () => {
      given(StockAllocationDecider).when(open()).then([opened()]);
    });

    it('opens an allocation of named serials', () => {
      given(StockAllocationDecider).when(open(byName)).then([opened(byName)]);
    });

    it(`accepts 1 and ${MAX_ALLOCATION_QUANTITY} serials, and notes of 1000 characters`, () => {
      for (const overrides of [{ quantity: 1 }, { quantity: MAX_ALLOCATION_QUANTITY }, { notes: 'x'.repeat(1_000) }]) {
        given(StockAllocationDecider).when(open(overrides)).then([opened({ ...byModel, ...overrides })]);
      }
    });

    it.each<[string, Partial<AllocationRequest>]>([
      ['allocation.invalid_quantity', { quantity: 0 }],
      ['allocation.invalid_quantity', { quantity: -1 }],
      ['allocation.invalid_quantity', { quantity: 2.5 }],
      ['allocation.invalid_quantity', { quantity: MAX_ALLOCATION_QUANTITY + 1 }],
      ['allocation.invalid_quantity', { quantity: Number.NaN }],
      ['allocation.invalid_request', { modelId: null }],
      ['allocation.invalid_request', { requestedSerials: ['S1', 'S2', 'S3'] }],
      ['allocation.invalid_request', { ...byName, quantity: 3 }],
      ['allocation.duplicate_serials', { ...byName, requestedSerials: ['S1', 'S1'] }],
      ['allocation.invalid_notes', { notes: 'x'.repeat(1_001) }],
    ])('refuses with %s: %p', (code, overrides) => {
      given(StockAllocationDecider).when(open(overrides)).thenThrows(code, { kind: 'invalid' });
    });

    it('refuses an allocation id used before, however it ended', () => {
      for (const history of [[opened()], [opened(), completed()], [opened(), failed]]) {
        given(StockAllocationDecider, history)
          .when(open())
          .thenThrows('allocation.already_exists', { kind: 'conflict', details: { allocationId: 'a-1' } });
      }
    });
  });

  describe('CompleteAllocation', () => {
    it('completes an open allocation with as many serials as asked for', () => {
      given(StockAllocationDecider, [opened()]).when(complete()).then([completed()]);
      given(StockAllocationDecider, [opened(byName)]).when(complete(['S1', 'S2'])).then([completed(['S1', 'S2'])]);
    });

    it('refuses too few or too many serials, saying how many it got', () => {
      for (const serials of [['S1', 'S2'], ['S1', 'S2', 'S3', 'S4'], []]) {
        given(StockAllocationDecider, [opened()])
          .when(complete(serials))
          .thenThrows('allocation.incomplete', { kind: 'invalid', details: { allocationId: 'a-1', got: serials.length } });
      }
    });

    it('records nothing when a completed allocation is completed again', () => {
      given(StockAllocationDecider, [opened(), completed()]).when(complete()).then([]);
    });

    it('refuses to complete a failed allocation', () => {
      given(StockAllocationDecider, [opened(), failed])
        .when(complete())
        .thenThrows('allocation.closed', { kind: 'conflict', details: { allocationId: 'a-1' } });
    });

    it('refuses a missing allocation', () => {
      given(StockAllocationDecider)
        .when(complete())
        .thenThrows('allocation.not_found', { kind: 'not_found', details: { allocationId: 'a-1' } });
    });

    it('refuses a completion that lists a serial twice', () => {
      given(StockAllocationDecider, [opened()])
        .when(complete(['S1', 'S1', 'S3']))
        .thenThrows('allocation.inconsistent', { kind: 'invalid', details: { allocationId: 'a-1' } });
    });

    it('refuses a completion of named serials with other serials', () => {
      given(StockAllocationDecider, [opened(byName)])
        .when(complete(['S1', 'S9']))
        .thenThrows('allocation.inconsistent', { kind: 'invalid', details: { allocationId: 'a-1' } });
    });

    it('completes named serials in any order', () => {
      given(StockAllocationDecider, [opened(byName)]).when(complete(['S2', 'S1'])).then([completed(['S2', 'S1'])]);
    });
  });

  describe('FailAllocation', () => {
    it('fails an open allocation with a reason', () => {
      given(StockAllocationDecider, [opened()]).when(fail()).then([failed]);
    });

    it('records nothing when a failed allocation fails again', () => {
      given(StockAllocationDecider, [opened(), failed]).when(fail('retry')).then([]);
    });

    it('refuses to fail a completed allocation', () => {
      given(StockAllocationDecider, [opened(), completed()])
        .when(fail())
        .thenThrows('allocation.closed', { kind: 'conflict', details: { allocationId: 'a-1' } });
    });

    it('refuses a missing allocation', () => {
      given(StockAllocationDecider).when(fail()).thenThrows('allocation.not_found', { kind: 'not_found', details: { allocationId: 'a-1' } });
    });
  });

  describe('evolve', () => {
    it('starts empty', () => {
      given(StockAllocationDecider).thenState({ status: 'none' });
    });

    it('is open with its request after AllocationOpened', () => {
      given(StockAllocationDecider, [opened()]).thenState({ status: 'open', ...byModel });
    });

    it('is completed with its serials after AllocationCompleted', () => {
      given(StockAllocationDecider, [opened(), completed()]).thenState({
        status: 'completed',
        ...byModel,
        serials: ['S1', 'S2', 'S3'],
      });
    });

    it('is failed with its reason after AllocationFailed', () => {
      given(StockAllocationDecider, [opened(), failed]).thenState({
        status: 'failed',
        ...byModel,
        reason: 'Only 2 serials available',
      });
    });

    it('ignores endings that do not follow an open allocation', () => {
      given(StockAllocationDecider, [completed(), failed]).thenState({ status: 'none' });
      given(StockAllocationDecider, [opened(), completed(), failed]).thenState({
        status: 'completed',
        ...byModel,
        serials: ['S1', 'S2', 'S3'],
      });
      given(StockAllocationDecider, [opened(), failed, completed()]).thenState({
        status: 'failed',
        ...byModel,
        reason: 'Only 2 serials available',
      });
    });
  });
});
