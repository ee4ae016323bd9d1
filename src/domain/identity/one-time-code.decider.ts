import { constantTimeEquals } from '../shared/constant-time';
import { assertNever, type Decider } from '../shared/decider';
import { rateLimited, unauthorized } from '../shared/domain-error';
import type { DomainCommand, DomainEvent } from '../shared/event';

/**
 * A one-time code sent to a person (a login code to a phone, a password-reset code to an account):
 * only its hash is stored; it expires, allows a bounded number of wrong guesses, is used once, and a new
 * one cannot be requested again within the resend interval.
 */
export type CodePurpose = 'login' | 'password_reset';

export const oneTimeCodeStreamId = (purpose: CodePurpose, subject: string): string =>
  `otp-${purpose === 'login' ? 'login' : 'reset'}-${subject}`;

export type IssueCode = DomainCommand<
  'IssueCode',
  {
    readonly purpose: CodePurpose;
    readonly subject: string;
    readonly codeHash: string;
    readonly issuedAt: string;
    readonly expiresAt: string;
    readonly maxAttempts: number;
    readonly resendAfterSeconds: number;
  }
>;
export type VerifyCode = DomainCommand<
  'VerifyCode',
  { readonly purpose: CodePurpose; readonly subject: string; readonly codeHash: string; readonly at: string }
>;
export type OneTimeCodeCommand = IssueCode | VerifyCode;

export type OneTimeCodeIssued = DomainEvent<'OneTimeCodeIssued', IssueCode['data']>;
export type OneTimeCodeRejected = DomainEvent<
  'OneTimeCodeRejected',
  { readonly purpose: CodePurpose; readonly subject: string; readonly attempt: number; readonly remainingAttempts: number; readonly at: string }
>;
export type OneTimeCodeUsed = DomainEvent<'OneTimeCodeUsed', { readonly purpose: CodePurpose; readonly subject: string; readonly at: string }>;
export type OneTimeCodeEvent = OneTimeCodeIssued | OneTimeCodeRejected | OneTimeCodeUsed;

interface PendingCode {
  readonly codeHash: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly maxAttempts: number;
  readonly resendAfterSeconds: number;
  readonly failedAttempts: number;
}
export type OneTimeCodeState =
  | { readonly status: 'none' }
  | ({ readonly status: 'pending' } & PendingCode)
  | ({ readonly status: 'used' } & PendingCode);

const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;

const invalidCode = (remainingAttempts?: number) =>
  unauthorized('otp.invalid_code', 'The code is wrong', remainingAttempts === undefined ? {} : { remainingAttempts });

const issue = (data: IssueCode['data'], state: OneTimeCodeState): OneTimeCodeEvent[] => {
  if (state.status !== 'none') {
    const wait = state.resendAfterSeconds - seconds(state.issuedAt, data.issuedAt);
    if (wait > 0) {
      throw rateLimited('otp.resend_throttled', `A new code can be requested in ${Math.ceil(wait)} seconds`, Math.ceil(wait));
    }
  }
  return [{ type: 'OneTimeCodeIssued', data }];
};

const verify = (data: VerifyCode['data'], state: OneTimeCodeState): OneTimeCodeEvent[] => {
  if (state.status !== 'pending') throw unauthorized('otp.no_pending_code', 'No code is waiting to be used; request a new one');
  if (Date.parse(data.at) >= Date.parse(state.expiresAt)) throw unauthorized('otp.expired', 'The code has expired; request a new one');
  if (state.failedAttempts >= state.maxAttempts) {
    throw unauthorized('otp.too_many_attempts', 'Too many wrong codes; request a new one');
  }
  const { purpose, subject, at } = data;
  if (!constantTimeEquals(data.codeHash, state.codeHash)) {
    const attempt = state.failedAttempts + 1;
    // Stored, not thrown: the count must survive; the handler answers otp.invalid_code.
    return [{ type: 'OneTimeCodeRejected', data: { purpose, subject, attempt, remainingAttempts: state.maxAttempts - attempt, at } }];
  }
  return [{ type: 'OneTimeCodeUsed', data: { purpose, subject, at } }];
};

const decide = (command: OneTimeCodeCommand, state: OneTimeCodeState): readonly OneTimeCodeEvent[] => {
  switch (command.type) {
    case 'IssueCode':
      return issue(command.data, state);
    case 'VerifyCode':
      return verify(command.data, state);
    default:
      return assertNever(command);
  }
};

const evolve = (state: OneTimeCodeState, event: OneTimeCodeEvent): OneTimeCodeState => {
  switch (event.type) {
    case 'OneTimeCodeIssued': {
      const { codeHash, issuedAt, expiresAt, maxAttempts, resendAfterSeconds } = event.data;
      return { status: 'pending', codeHash, issuedAt, expiresAt, maxAttempts, resendAfterSeconds, failedAttempts: 0 };
    }
    case 'OneTimeCodeRejected':
      return state.status === 'none' ? state : { ...state, failedAttempts: event.data.attempt };
    case 'OneTimeCodeUsed':
      return state.status === 'none' ? state : { ...state, status: 'used' };
    default:
      return assertNever(event);
  }
};

export const OneTimeCodeDecider: Decider<OneTimeCodeCommand, OneTimeCodeEvent, OneTimeCodeState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};

/** The error a handler answers with after a rejected guess was stored. */
export const rejectedCodeError = (event: OneTimeCodeRejected) => invalidCode(event.data.remainingAttempts);
