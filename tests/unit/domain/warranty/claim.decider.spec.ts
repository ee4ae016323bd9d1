import {
  ClaimDecider,
  claimStreamId,
  type ClaimCommand,
  type ClaimEvent,
  type ClaimFiling,
  type ClaimStep,
  type FileClaim,
} from '../../../../src/domain/warranty/claim.decider';
import { given } from '../decider-spec';

const filing: ClaimFiling = {
  claimId: 'c-1',
  claimNumber: 'CL-7K3M-9QXT',
  warrantyId: 'w-1',
  warrantyNumber: 'WR-7K3M-9QXT',
  serial: 'LV24A000123K',
  modelId: 'm-1',
  consumer: { name: 'Ann Njeri', phone: '+254700000001', email: 'ann@example.com' },
  consumerUserId: 'u-consumer',
  description: 'The battery no longer holds a charge overnight.',
  attachments: [{ attachmentId: 'a-1', fileName: 'front.jpg', contentType: 'image/jpeg', size: 1200, sha256: 'ab'.repeat(32) }],
  channel: 'consumer',
  filedBy: 'u-consumer',
  filedAt: '2025-03-01T08:00:00.000Z',
};
const fileIt = (overrides: Partial<FileClaim['data']> = {}): FileClaim => ({ type: 'FileClaim', data: { ...filing, coverage: 'active', ...overrides } });
const filed: ClaimEvent = { type: 'ClaimFiled', data: filing };
const step = (at: string, notes: string | null = null): ClaimStep => ({ claimId: 'c-1', by: 'u-agent', at, notes });
const reviewing: ClaimEvent = { type: 'ClaimReviewStarted', data: step('2025-03-02T08:00:00.000Z') };
const approved: ClaimEvent = { type: 'ClaimApproved', data: step('2025-03-03T08:00:00.000Z', 'Cell 3 is dead') };
const command = <T extends ClaimCommand['type']>(type: T, data: Extract<ClaimCommand, { type: T }>['data']) =>
  ({ type, data }) as Extract<ClaimCommand, { type: T }>;
const resolve = (outcome: 'repaired' | 'replaced', replacementSerial: string | null) =>
  command('ResolveClaim', { ...step('2025-03-04T08:00:00.000Z'), outcome, replacementSerial });

describe('warranty claim', () => {
  it('names its stream claim-<claimId>', () => {
    expect(claimStreamId('c-1')).toBe('claim-c-1');
  });

  describe('FileClaim', () => {
    it('files a pending claim for an active warranty, trimming the description', () => {
      given(ClaimDecider)
        .when(fileIt({ description: `  ${filing.description}  ` }))
        .then([filed]);
    });

    it.each(['expired', 'void', 'transferred', 'none'] as const)('refuses a warranty that is %s with claim.warranty_not_active', (coverage) => {
      given(ClaimDecider).when(fileIt({ coverage })).thenThrows('claim.warranty_not_active', { kind: 'conflict', details: { warrantyId: 'w-1', coverage } });
    });

    it('wants a description of 10..2000 characters', () => {
      given(ClaimDecider).when(fileIt({ description: ' too short ' })).thenThrows('claim.invalid_description', { kind: 'invalid' });
      given(ClaimDecider).when(fileIt({ description: 'x'.repeat(2001) })).thenThrows('claim.invalid_description');
      given(ClaimDecider).when(fileIt({ description: 'x'.repeat(2000) })).then([{ type: 'ClaimFiled', data: { ...filing, description: 'x'.repeat(2000) } }]);
    });

    it('carries at most five photos', () => {
      const six = Array.from({ length: 6 }, (_, i) => ({ ...filing.attachments[0]!, attachmentId: `a-${i}` }));
      given(ClaimDecider).when(fileIt({ attachments: six })).thenThrows('claim.too_many_attachments', { kind: 'invalid' });
    });

    it('wants a claim number that reads CL-XXXX-XXXX', () => {
      given(ClaimDecider).when(fileIt({ claimNumber: 'CL-0000-1111' })).thenThrows('claim.invalid_number');
    });

    it('refuses to file the same claim twice', () => {
      given(ClaimDecider, [filed]).when(fileIt()).thenThrows('claim.already_exists', { kind: 'conflict' });
    });
  });

  describe('workflow', () => {
    it('goes pending -> under_review -> approved -> resolved, keeping who, when and why', () => {
      const resolved: ClaimEvent = { type: 'ClaimResolved', data: { ...step('2025-03-04T08:00:00.000Z', 'Replaced'), outcome: 'replaced', replacementSerial: 'LV24A000124X' } };
      given(ClaimDecider, [filed, reviewing, approved, resolved]).thenState({
        ...filing,
        status: 'resolved',
        outcome: 'replaced',
        replacementSerial: 'LV24A000124X',
        assigneeId: null,
        assignments: [],
        history: [
          { status: 'pending', at: filing.filedAt, by: 'u-consumer', notes: null },
          { status: 'under_review', at: '2025-03-02T08:00:00.000Z', by: 'u-agent', notes: null },
          { status: 'approved', at: '2025-03-03T08:00:00.000Z', by: 'u-agent', notes: 'Cell 3 is dead' },
          { status: 'resolved', at: '2025-03-04T08:00:00.000Z', by: 'u-agent', notes: 'Replaced' },
        ],
      });
    });

    it('starts a review of a pending claim only', () => {
      given(ClaimDecider, [filed]).when(command('StartClaimReview', reviewing.data as ClaimStep)).then([reviewing]);
      given(ClaimDecider, [filed, reviewing])
        .when(command('StartClaimReview', step('2025-03-05T00:00:00.000Z')))
        .thenThrows('claim.invalid_transition', { kind: 'conflict', details: { claimId: 'c-1', from: 'under_review', to: 'under_review' } });
    });

    it('approves or rejects only a claim under review', () => {
      given(ClaimDecider, [filed])
        .when(command('ApproveClaim', step('2025-03-05T00:00:00.000Z')))
        .thenThrows('claim.invalid_transition', { details: { claimId: 'c-1', from: 'pending', to: 'approved' } });
      given(ClaimDecider, [filed])
        .when(command('RejectClaim', { ...step('2025-03-05T00:00:00.000Z'), reason: 'Water damage' }))
        .thenThrows('claim.invalid_transition', { details: { claimId: 'c-1', from: 'pending', to: 'rejected' } });
    });

    it('rejects with a reason, for good', () => {
      const reject = command('RejectClaim', { ...step('2025-03-05T00:00:00.000Z'), reason: '  Water damage ' });
      const rejected: ClaimEvent = { type: 'ClaimRejected', data: { ...reject.data, reason: 'Water damage' } };
      given(ClaimDecider, [filed, reviewing]).when(reject).then([rejected]);
      given(ClaimDecider, [filed, reviewing]).when(command('RejectClaim', { ...reject.data, reason: '  ' })).thenThrows('claim.reason_required', { kind: 'invalid' });
      given(ClaimDecider, [filed, reviewing, rejected])
        .when(command('StartClaimReview', step('2025-03-06T00:00:00.000Z')))
        .thenThrows('claim.invalid_transition', { details: { claimId: 'c-1', from: 'rejected', to: 'under_review' } });
    });

    it('resolves an approved claim: a replacement names its serial, a repair none', () => {
      given(ClaimDecider, [filed, reviewing, approved]).when(resolve('repaired', null)).then([{ type: 'ClaimResolved', data: resolve('repaired', null).data }]);
      given(ClaimDecider, [filed, reviewing, approved]).when(resolve('replaced', null)).thenThrows('claim.replacement_serial_required');
      given(ClaimDecider, [filed, reviewing, approved]).when(resolve('repaired', 'LV24A000124X')).thenThrows('claim.replacement_serial_not_allowed');
      given(ClaimDecider, [filed, reviewing, approved]).when(resolve('replaced', filing.serial)).thenThrows('claim.replacement_is_same');
      given(ClaimDecider, [filed, reviewing]).when(resolve('repaired', null)).thenThrows('claim.invalid_transition', {
        details: { claimId: 'c-1', from: 'under_review', to: 'resolved' },
      });
    });

    it('answers [] to the same resolution again (a retried replacement), and refuses a different one', () => {
      const resolved: ClaimEvent = { type: 'ClaimResolved', data: resolve('replaced', 'LV24A000124X').data };
      given(ClaimDecider, [filed, reviewing, approved, resolved]).when(resolve('replaced', 'LV24A000124X')).then([]);
      given(ClaimDecider, [filed, reviewing, approved, resolved]).when(resolve('repaired', null)).thenThrows('claim.invalid_transition');
    });

    it('keeps notes to 1000 characters', () => {
      given(ClaimDecider, [filed]).when(command('StartClaimReview', step('2025-03-05T00:00:00.000Z', 'x'.repeat(1001)))).thenThrows('claim.invalid_notes');
    });

    it('answers claim.not_found for a claim never filed', () => {
      given(ClaimDecider).when(command('ApproveClaim', step('2025-03-05T00:00:00.000Z'))).thenThrows('claim.not_found', { kind: 'not_found' });
      given(ClaimDecider).when(command('AssignClaim', { ...step('2025-03-05T00:00:00.000Z'), assigneeId: 'u-2' })).thenThrows('claim.not_found');
    });
  });

  describe('AssignClaim', () => {
    const assign = (assigneeId: string) => command('AssignClaim', { ...step('2025-03-02T09:00:00.000Z', 'Nairobi desk'), assigneeId });

    it('assigns an open claim and keeps every assignment', () => {
      const first: ClaimEvent = { type: 'ClaimAssigned', data: assign('u-2').data };
      given(ClaimDecider, [filed]).when(assign('u-2')).then([first]);
      given(ClaimDecider, [filed, first, reviewing]).when(assign('u-2')).then([]);
      const second: ClaimEvent = { type: 'ClaimAssigned', data: assign('u-3').data };
      given(ClaimDecider, [filed, first, reviewing]).when(assign('u-3')).then([second]);
      const state = ClaimDecider.evolve(ClaimDecider.evolve(ClaimDecider.evolve(ClaimDecider.initialState, filed), first), second);
      expect(state).toMatchObject({
        status: 'pending',
        assigneeId: 'u-3',
        assignments: [
          { assigneeId: 'u-2', at: '2025-03-02T09:00:00.000Z', by: 'u-agent', notes: 'Nairobi desk' },
          { assigneeId: 'u-3', at: '2025-03-02T09:00:00.000Z', by: 'u-agent', notes: 'Nairobi desk' },
        ],
      });
    });

    it('refuses to assign a closed claim', () => {
      const rejected: ClaimEvent = { type: 'ClaimRejected', data: { ...step('2025-03-05T00:00:00.000Z'), reason: 'Water damage' } };
      given(ClaimDecider, [filed, reviewing, rejected]).when(assign('u-2')).thenThrows('claim.closed', { kind: 'conflict' });
    });
  });
});
