import {
  WholesalerApplicationDecider,
  wholesalerApplicationStreamId,
  type ApproveWholesalerApplication,
  type RejectWholesalerApplication,
  type SubmitWholesalerApplication,
  type WholesalerApplicationEvent,
} from '../../../../src/domain/identity/wholesaler-application.decider';
import { given } from '../decider-spec';

const submission: SubmitWholesalerApplication['data'] = {
  userId: 'u-1',
  businessName: 'Volt Traders Ltd',
  registrationNumber: 'PVT-2024-001',
  taxNumber: 'P051234567X',
  address: 'Moi Avenue 12, Nairobi',
  phone: '+254712345678',
  notes: null,
  submittedAt: '2026-01-01T00:00:00.000Z',
};
const submit = (overrides: Partial<SubmitWholesalerApplication['data']> = {}): SubmitWholesalerApplication => ({
  type: 'SubmitWholesalerApplication',
  data: { ...submission, ...overrides },
});
const submitted: WholesalerApplicationEvent = { type: 'WholesalerApplicationSubmitted', data: submission };
const approve = (notes: string | null = null): ApproveWholesalerApplication => ({
  type: 'ApproveWholesalerApplication',
  data: { userId: 'u-1', reviewerId: 'admin-1', reviewedAt: '2026-01-02T00:00:00.000Z', notes },
});
const reject = (notes = 'No trading licence attached'): RejectWholesalerApplication => ({
  type: 'RejectWholesalerApplication',
  data: { userId: 'u-1', reviewerId: 'admin-1', reviewedAt: '2026-01-02T00:00:00.000Z', notes },
});
const approved: WholesalerApplicationEvent = { type: 'WholesalerApplicationApproved', data: approve().data };
const rejected: WholesalerApplicationEvent = { type: 'WholesalerApplicationRejected', data: reject().data };

describe('wholesaler application', () => {
  it("names its stream after the applicant's user id", () => {
    expect(wholesalerApplicationStreamId('u-1')).toBe('wholesaler-application-u-1');
  });

  describe('SubmitWholesalerApplication', () => {
    it('submits a pending application', () => {
      given(WholesalerApplicationDecider).when(submit()).then([submitted]);
      given(WholesalerApplicationDecider, [submitted]).thenState({ status: 'pending', ...submission });
    });

    it('takes a new application after a rejection', () => {
      const again = submit({ notes: 'Licence attached', submittedAt: '2026-01-03T00:00:00.000Z' });
      given(WholesalerApplicationDecider, [submitted, rejected]).when(again).then([{ type: 'WholesalerApplicationSubmitted', data: again.data }]);
      given(WholesalerApplicationDecider, [submitted, rejected, { type: 'WholesalerApplicationSubmitted', data: again.data }]).thenState({
        status: 'pending',
        ...again.data,
      });
    });

    it('refuses a second application while one is pending or after approval', () => {
      given(WholesalerApplicationDecider, [submitted])
        .when(submit())
        .thenThrows('wholesaler_application.already_pending', { kind: 'conflict', details: { id: 'u-1', status: 'pending' } });
      given(WholesalerApplicationDecider, [submitted, approved])
        .when(submit())
        .thenThrows('wholesaler_application.already_approved', { kind: 'conflict' });
    });

    it.each<[string, Partial<SubmitWholesalerApplication['data']>]>([
      ['businessName', { businessName: ' ' }],
      ['businessName', { businessName: 'x'.repeat(201) }],
      ['registrationNumber', { registrationNumber: '' }],
      ['taxNumber', { taxNumber: 'x'.repeat(65) }],
      ['address', { address: '' }],
      ['phone', { phone: '0712345678' }],
      ['notes', { notes: 'x'.repeat(1001) }],
    ])('refuses an invalid %s', (field, overrides) => {
      given(WholesalerApplicationDecider)
        .when(submit(overrides))
        .thenThrows('wholesaler_application.invalid_field', { kind: 'invalid', details: { field } });
    });

    it('accepts an application without tax number or notes', () => {
      const command = submit({ taxNumber: null, notes: null });
      given(WholesalerApplicationDecider).when(command).then([{ type: 'WholesalerApplicationSubmitted', data: command.data }]);
    });
  });

  describe('ApproveWholesalerApplication', () => {
    it('approves a pending application, with or without notes', () => {
      given(WholesalerApplicationDecider, [submitted]).when(approve()).then([approved]);
      const noted = approve('Welcome aboard');
      given(WholesalerApplicationDecider, [submitted]).when(noted).then([{ type: 'WholesalerApplicationApproved', data: noted.data }]);
      given(WholesalerApplicationDecider, [submitted, approved]).thenState({
        status: 'approved',
        ...submission,
        reviewerId: 'admin-1',
        reviewedAt: '2026-01-02T00:00:00.000Z',
        reviewNotes: null,
      });
    });

    it('approves an approved application again without a new event', () => {
      given(WholesalerApplicationDecider, [submitted, approved]).when(approve()).then([]);
    });

    it('refuses a rejected or missing application', () => {
      given(WholesalerApplicationDecider, [submitted, rejected])
        .when(approve())
        .thenThrows('wholesaler_application.not_pending', { kind: 'conflict', details: { id: 'u-1', status: 'rejected' } });
      given(WholesalerApplicationDecider).when(approve()).thenThrows('wholesaler_application.not_found', { kind: 'not_found' });
    });
  });

  describe('RejectWholesalerApplication', () => {
    it('rejects a pending application with notes', () => {
      given(WholesalerApplicationDecider, [submitted]).when(reject()).then([rejected]);
      given(WholesalerApplicationDecider, [submitted, rejected]).thenState({
        status: 'rejected',
        ...submission,
        reviewerId: 'admin-1',
        reviewedAt: '2026-01-02T00:00:00.000Z',
        reviewNotes: 'No trading licence attached',
      });
    });

    it('needs notes', () => {
      given(WholesalerApplicationDecider, [submitted])
        .when(reject('  '))
        .thenThrows('wholesaler_application.notes_required', { kind: 'invalid' });
    });

    it('refuses an application that is not pending, or missing', () => {
      given(WholesalerApplicationDecider, [submitted, approved]).when(reject()).thenThrows('wholesaler_application.not_pending', { kind: 'conflict' });
      given(WholesalerApplicationDecider, [submitted, rejected]).when(reject()).thenThrows('wholesaler_application.not_pending', { kind: 'conflict' });
      given(WholesalerApplicationDecider).when(reject()).thenThrows('wholesaler_application.not_found', { kind: 'not_found' });
    });
  });
});
