import {
  OneTimeCodeDecider,
  oneTimeCodeStreamId,
  rejectedCodeError,
  type IssueCode,
  type OneTimeCodeEvent,
  type OneTimeCodeRejected,
  type VerifyCode,
} from '../../../../src/domain/identity/one-time-code.decider';
import { given } from '../decider-spec';

const PHONE = '+254712345678';
const issuedAt = '2026-01-01T10:00:00.000Z';
const expiresAt = '2026-01-01T10:05:00.000Z';

const issue = (overrides: Partial<IssueCode['data']> = {}): IssueCode => ({
  type: 'IssueCode',
  data: { purpose: 'login', subject: PHONE, codeHash: 'hash-1', issuedAt, expiresAt, maxAttempts: 5, resendAfterSeconds: 60, ...overrides },
});
const issued = (overrides: Partial<IssueCode['data']> = {}): OneTimeCodeEvent => ({ type: 'OneTimeCodeIssued', data: issue(overrides).data });
const verify = (codeHash: string, at = '2026-01-01T10:01:00.000Z'): VerifyCode => ({
  type: 'VerifyCode',
  data: { purpose: 'login', subject: PHONE, codeHash, at },
});
const rejected = (attempt: number, at = '2026-01-01T10:01:00.000Z'): OneTimeCodeRejected => ({
  type: 'OneTimeCodeRejected',
  data: { purpose: 'login', subject: PHONE, attempt, remainingAttempts: 5 - attempt, at },
});
const used = (at = '2026-01-01T10:01:00.000Z'): OneTimeCodeEvent => ({ type: 'OneTimeCodeUsed', data: { purpose: 'login', subject: PHONE, at } });
const fiveWrongGuesses = [1, 2, 3, 4, 5].map((attempt) => rejected(attempt));

describe('one-time code', () => {
  it('names its streams by purpose and subject', () => {
    expect(oneTimeCodeStreamId('login', PHONE)).toBe(`otp-login-${PHONE}`);
    expect(oneTimeCodeStreamId('password_reset', 'u-1')).toBe('otp-reset-u-1');
  });

  describe('IssueCode', () => {
    it('issues a first code', () => {
      given(OneTimeCodeDecider).when(issue()).then([issued()]);
    });

    it('refuses a new code within the resend interval, saying how long to wait', () => {
      given(OneTimeCodeDecider, [issued()])
        .when(issue({ codeHash: 'hash-2', issuedAt: '2026-01-01T10:00:20.000Z' }))
        .thenThrows('otp.resend_throttled', { kind: 'rate_limited', details: { retryAfterSeconds: 40 } });
    });

    it('rounds the wait up to whole seconds', () => {
      given(OneTimeCodeDecider, [issued()])
        .when(issue({ issuedAt: '2026-01-01T10:00:59.500Z' }))
        .thenThrows('otp.resend_throttled', { details: { retryAfterSeconds: 1 } });
    });

    it('issues a new code once the resend interval has passed, exactly at its end', () => {
      const later = issue({ codeHash: 'hash-2', issuedAt: '2026-01-01T10:01:00.000Z', expiresAt: '2026-01-01T10:06:00.000Z' });
      given(OneTimeCodeDecider, [issued()]).when(later).then([{ type: 'OneTimeCodeIssued', data: later.data }]);
    });

    it('keeps throttling after the code was used', () => {
      given(OneTimeCodeDecider, [issued(), used('2026-01-01T10:00:10.000Z')])
        .when(issue({ issuedAt: '2026-01-01T10:00:30.000Z' }))
        .thenThrows('otp.resend_throttled');
    });

    it('never throttles when the resend interval is zero', () => {
      given(OneTimeCodeDecider, [issued({ resendAfterSeconds: 0 })])
        .when(issue({ codeHash: 'hash-2' }))
        .then([issued({ codeHash: 'hash-2' })]);
    });
  });

  describe('VerifyCode', () => {
    it('uses up the right code', () => {
      given(OneTimeCodeDecider, [issued()]).when(verify('hash-1')).then([used()]);
    });

    it('records a wrong code with the attempts left rather than throwing, so the count survives', () => {
      given(OneTimeCodeDecider, [issued()]).when(verify('wrong')).then([rejected(1)]);
      given(OneTimeCodeDecider, [issued(), rejected(1), rejected(2)]).when(verify('wrong')).then([rejected(3)]);
    });

    it('answers a recorded rejection as 401 otp.invalid_code with the attempts left', () => {
      const error = rejectedCodeError(rejected(2));
      expect({ kind: error.kind, code: error.code, details: error.details }).toEqual({
        kind: 'unauthorized',
        code: 'otp.invalid_code',
        details: { remainingAttempts: 3 },
      });
    });

    it('accepts the right code after four wrong ones', () => {
      given(OneTimeCodeDecider, [issued(), ...fiveWrongGuesses.slice(0, 4)]).when(verify('hash-1')).then([used()]);
    });

    it('refuses even the right code after the fifth wrong one', () => {
      given(OneTimeCodeDecider, [issued(), ...fiveWrongGuesses])
        .when(verify('hash-1'))
        .thenThrows('otp.too_many_attempts', { kind: 'unauthorized' });
    });

    it('accepts the code a moment before it expires', () => {
      given(OneTimeCodeDecider, [issued()]).when(verify('hash-1', '2026-01-01T10:04:59.999Z')).then([used('2026-01-01T10:04:59.999Z')]);
    });

    it('refuses the code exactly at its expiry, and after', () => {
      given(OneTimeCodeDecider, [issued()]).when(verify('hash-1', expiresAt)).thenThrows('otp.expired', { kind: 'unauthorized' });
      given(OneTimeCodeDecider, [issued()]).when(verify('hash-1', '2026-01-01T11:00:00.000Z')).thenThrows('otp.expired');
    });

    it('refuses a code that was never issued', () => {
      given(OneTimeCodeDecider).when(verify('hash-1')).thenThrows('otp.no_pending_code', { kind: 'unauthorized' });
    });

    it('refuses a code used once already', () => {
      given(OneTimeCodeDecider, [issued(), used()]).when(verify('hash-1')).thenThrows('otp.no_pending_code');
    });

    it('a new code replaces the old one and starts the attempts afresh', () => {
      const second = { codeHash: 'hash-2', issuedAt: '2026-01-01T10:02:00.000Z', expiresAt: '2026-01-01T10:07:00.000Z' };
      const history = [issued(), ...fiveWrongGuesses, issued(second)];
      given(OneTimeCodeDecider, history).when(verify('hash-1', '2026-01-01T10:03:00.000Z')).then([rejected(1, '2026-01-01T10:03:00.000Z')]);
      given(OneTimeCodeDecider, history).when(verify('hash-2', '2026-01-01T10:03:00.000Z')).then([used('2026-01-01T10:03:00.000Z')]);
    });

    it('a new code after a used one can be used', () => {
      const second = { codeHash: 'hash-2', issuedAt: '2026-01-01T10:02:00.000Z', expiresAt: '2026-01-01T10:07:00.000Z' };
      given(OneTimeCodeDecider, [issued(), used(), issued(second)])
        .when(verify('hash-2', '2026-01-01T10:03:00.000Z'))
        .then([used('2026-01-01T10:03:00.000Z')]);
    });
  });

  describe('state', () => {
    it('holds the hash, the deadline and the failed attempts, never a plaintext code', () => {
      given(OneTimeCodeDecider, [issued(), rejected(1), rejected(2)]).thenState({
        status: 'pending',
        codeHash: 'hash-1',
        issuedAt,
        expiresAt,
        maxAttempts: 5,
        resendAfterSeconds: 60,
        failedAttempts: 2,
      });
    });

    it('is used after the right code', () => {
      given(OneTimeCodeDecider, [issued(), used()]).thenState({
        status: 'used',
        codeHash: 'hash-1',
        issuedAt,
        expiresAt,
        maxAttempts: 5,
        resendAfterSeconds: 60,
        failedAttempts: 0,
      });
    });
  });
});
