import { createHash } from 'node:crypto';
import { UserDecider, userStreamId, type RegisterUser } from '../../domain/identity/user.decider';
import { conflict, invalid, isDomainError } from '../../domain/shared/domain-error';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import { EMAIL_SCOPE, normaliseEmail, normalisePhone, PHONE_SCOPE, REFERRAL_SCOPE } from './identity-keys';
import { assertPasswordPolicy } from './password-rules';
import type { PasswordHasher } from './ports/password-hasher.port';

export interface NewAccount {
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly name: string;
  readonly role: string;
  readonly tenantId?: string | null | undefined;
  /** Null for an account that signs in by one-time code only. */
  readonly password: string | null;
  /** Another user's referral code. */
  readonly referralCode?: string | null | undefined;
}

const REFERRAL_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `REF-` and six characters without look-alikes (no 0/O, 1/I), derived from the user id. */
const referralCodeFor = (userId: string, attempt: number): string => {
  const digest = createHash('sha256').update(`${userId}:${attempt}`).digest();
  return `REF-${Array.from(digest.subarray(0, 6), (byte) => REFERRAL_ALPHABET[byte % REFERRAL_ALPHABET.length]).join('')}`;
};

/**
 * Creates accounts (self-registration, admin creation, first-time OTP login, the CLI). The email, the phone
 * and the account's referral code are each claimed through their own stream, so two registrations racing
 * for one email give exactly one account; a claim made before a later step failed is given back.
 */
export class RegisterUserHandler {
  constructor(
    private readonly services: CommandServices,
    private readonly hasher: PasswordHasher,
    private readonly defaultCountryCode: string,
  ) {}

  async execute(input: NewAccount, context: CommandContext): Promise<Positioned & { userId: string }> {
    const { executor, uniqueKeys, metadata, clock } = this.services;
    const email = input.email ? normaliseEmail(input.email) : null;
    const phone = input.phone ? normalisePhone(input.phone, this.defaultCountryCode) : null;
    if (input.password !== null) assertPasswordPolicy(input.password, { email, phone });
    const userId = metadata.entityId('register-user', context);
    const data: RegisterUser['data'] = {
      userId,
      email,
      phone,
      name: input.name.trim(),
      role: input.role,
      tenantId: input.tenantId ?? null,
      passwordHash: input.password === null ? null : await this.hasher.hash(input.password),
      referralCode: null,
      referredBy: input.referralCode ? await this.referrer(input.referralCode) : null,
      registeredAt: clock.now().toISOString(),
      registeredBy: context.actor?.userId ?? null,
    };
    // Validate before claiming anything, so bad input leaves no claim behind.
    UserDecider.decide({ type: 'RegisterUser', data }, UserDecider.initialState);
    const claimed: [string, string][] = [];
    try {
      if (email) claimed.push(await this.claim(EMAIL_SCOPE, email, userId, context, `A user with the email ${email} already exists`));
      if (phone) claimed.push(await this.claim(PHONE_SCOPE, phone, userId, context, `A user with the phone ${phone} already exists`));
      const referralCode = await this.claimReferralCode(userId, context);
      claimed.push([REFERRAL_SCOPE, referralCode]);
      const command: RegisterUser = { type: 'RegisterUser', data: { ...data, referralCode } };
      const result = await executor.execute({ operation: 'register-user', decider: UserDecider, streamId: userStreamId(userId), command, context });
      return { userId, position: result.position };
    } catch (error) {
      await uniqueKeys.giveBack(claimed, userId, context);
      throw error;
    }
  }

  private async claim(scope: string, key: string, userId: string, context: CommandContext, taken: string): Promise<[string, string]> {
    await this.services.uniqueKeys.reserve(scope, key, userId, context, taken);
    return [scope, key];
  }

  private async referrer(code: string): Promise<string> {
    const owner = await this.services.uniqueKeys.ownerOf(REFERRAL_SCOPE, code.trim().toUpperCase());
    if (!owner) throw invalid('referral.unknown_code', `No account has the referral code ${code}`, { referralCode: code });
    return owner;
  }

  /** A collision on six random-looking characters is rare; a few derived alternatives settle it. */
  private async claimReferralCode(userId: string, context: CommandContext): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = referralCodeFor(userId, attempt);
      try {
        await this.services.uniqueKeys.reserve(REFERRAL_SCOPE, code, userId, context);
        return code;
      } catch (error) {
        if (!(isDomainError(error) && error.code === `${REFERRAL_SCOPE}.already_taken`)) throw error;
      }
    }
    throw conflict('referral.code_unavailable', 'No free referral code could be found; try again');
  }
}
