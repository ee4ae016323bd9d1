import {
  OneTimeCodeDecider,
  oneTimeCodeStreamId,
  rejectedCodeError,
  type CodePurpose,
  type OneTimeCodeRejected,
} from '../../domain/identity/one-time-code.decider';
import { withoutIdempotencyKey, type CommandContext } from '../shared/command-context';
import type { CommandServices } from '../shared/command-services';
import type { SecretCodes } from './ports/secret-codes.port';

export const CODE_DIGITS = 6;
export const MAX_CODE_ATTEMPTS = 5;

export interface IssuedCode {
  /** The plaintext: only for the message to the person, never stored. */
  readonly code: string;
  readonly expiresInSeconds: number;
  readonly resendAfterSeconds: number;
}

/**
 * Issues and checks one-time codes on their `otp-*` streams: a fresh random code whose keyed hash is all
 * that is stored, and a check that records a wrong guess before answering it, so the count survives.
 */
export class OneTimeCodes {
  constructor(
    private readonly services: CommandServices,
    private readonly secretCodes: SecretCodes,
    private readonly resendAfterSeconds: number,
  ) {}

  async issue(purpose: CodePurpose, subject: string, ttlSeconds: number, context: CommandContext): Promise<IssuedCode> {
    const code = this.secretCodes.newCode(CODE_DIGITS);
    const now = this.services.clock.now();
    await this.services.executor.execute({
      operation: `issue-${purpose}-code`,
      decider: OneTimeCodeDecider,
      streamId: oneTimeCodeStreamId(purpose, subject),
      command: {
        type: 'IssueCode',
        data: {
          purpose,
          subject,
          codeHash: this.secretCodes.hash(purpose, subject, code),
          issuedAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
          maxAttempts: MAX_CODE_ATTEMPTS,
          resendAfterSeconds: this.resendAfterSeconds,
        },
      },
      context: withoutIdempotencyKey(context),
    });
    return { code, expiresInSeconds: ttlSeconds, resendAfterSeconds: this.resendAfterSeconds };
  }

  /** Uses the code up, or throws: `otp.invalid_code` (with the attempts left), `otp.expired`, `otp.too_many_attempts`, `otp.no_pending_code`. */
  async verify(purpose: CodePurpose, subject: string, code: string, context: CommandContext): Promise<void> {
    const result = await this.services.executor.execute({
      operation: `verify-${purpose}-code`,
      decider: OneTimeCodeDecider,
      streamId: oneTimeCodeStreamId(purpose, subject),
      command: {
        type: 'VerifyCode',
        data: { purpose, subject, codeHash: this.secretCodes.hash(purpose, subject, code), at: this.services.clock.now().toISOString() },
      },
      context: withoutIdempotencyKey(context),
    });
    const rejected = result.events.find((event): event is OneTimeCodeRejected => event.type === 'OneTimeCodeRejected');
    if (rejected) throw rejectedCodeError(rejected);
  }
}

/** Whole minutes for the message text ("expires in 5 minutes"), never rounding a lifetime down to zero. */
export const minutesOf = (seconds: number): number => Math.max(1, Math.ceil(seconds / 60));
