import { UserDecider, userStreamId, type ProfileChanges } from '../../domain/identity/user.decider';
import { unauthorized } from '../../domain/shared/domain-error';
import { withoutIdempotencyKey, type CommandContext } from '../shared/command-context';
import type { CommandServices } from '../shared/command-services';
import { EMAIL_SCOPE, normaliseEmail, normalisePhone, PHONE_SCOPE } from './identity-keys';
import { assertPasswordPolicy } from './password-rules';
import type { PasswordHasher } from './ports/password-hasher.port';
import type { Session, Sessions } from './sessions';
import type { UserAccounts } from './user-accounts';
import { toUserView } from './user-view';
import type { UserView } from './users.read-model';

export interface ProfileInput {
  readonly name?: string | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
}

/**
 * Changes a user's own or (for administrators) another user's profile: a new email or phone is claimed
 * before the change and the old one given back after it, so no two accounts ever share one.
 */
export class ProfileHandler {
  constructor(
    private readonly services: CommandServices,
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly defaultCountryCode: string,
  ) {}

  async view(userId: string): Promise<UserView> {
    const user = await this.accounts.load(userId);
    if (user.status !== 'active') throw unauthorized('auth.invalid_token', 'The account behind this token is not active');
    return toUserView(user);
  }

  async update(userId: string, input: ProfileInput, context: CommandContext): Promise<UserView & { position: number }> {
    const { executor, uniqueKeys, clock } = this.services;
    const current = await this.accounts.existing(userId);
    const changes: ProfileChanges = {
      name: input.name?.trim(),
      email: input.email === undefined ? undefined : input.email === null ? null : normaliseEmail(input.email),
      phone: input.phone === undefined ? undefined : input.phone === null ? null : normalisePhone(input.phone, this.defaultCountryCode),
    };
    const swaps = [
      { scope: EMAIL_SCOPE, before: current.email, after: changes.email },
      { scope: PHONE_SCOPE, before: current.phone, after: changes.phone },
    ].filter((swap) => swap.after !== undefined && swap.after !== swap.before);
    const plain = withoutIdempotencyKey(context);
    const claimed: [string, string][] = [];
    let result;
    try {
      for (const { scope, after } of swaps) {
        if (after) {
          await uniqueKeys.reserve(scope, after, userId, plain, `Another user already has ${after}`);
          claimed.push([scope, after]);
        }
      }
      result = await executor.execute({
        operation: 'change-user-profile',
        decider: UserDecider,
        streamId: userStreamId(userId),
        command: { type: 'ChangeUserProfile', data: { userId, changes, changedAt: clock.now().toISOString(), changedBy: context.actor?.userId ?? null } },
        context,
      });
    } catch (error) {
      await uniqueKeys.giveBack(claimed, userId, context);
      throw error;
    }
    for (const { scope, before } of swaps) if (before) await uniqueKeys.release(scope, before, userId, plain);
    return { ...toUserView(await this.accounts.existing(userId)), position: result.position };
  }

  /** The caller's own password: the current one is checked, every session ends, and a new one starts for the caller. */
  async changePassword(userId: string, currentPassword: string, newPassword: string, context: CommandContext): Promise<Session> {
    const user = await this.accounts.existing(userId);
    if (!user.passwordHash || !(await this.hasher.verify(currentPassword, user.passwordHash))) {
      throw unauthorized('auth.invalid_credentials', 'The current password is wrong');
    }
    assertPasswordPolicy(newPassword, { email: user.email, phone: user.phone });
    await this.setPassword(userId, newPassword, 'changed', context);
    return this.sessions.start(await this.accounts.existing(userId), 'password', context);
  }

  async setPassword(userId: string, password: string, reason: 'changed' | 'reset' | 'set_by_admin', context: CommandContext) {
    const { executor, clock } = this.services;
    const user = await this.accounts.existing(userId);
    assertPasswordPolicy(password, { email: user.email, phone: user.phone });
    return executor.execute({
      operation: `password-${reason}`,
      decider: UserDecider,
      streamId: userStreamId(userId),
      command: {
        type: 'ChangeUserPassword',
        data: { userId, passwordHash: await this.hasher.hash(password), reason, changedAt: clock.now().toISOString(), changedBy: context.actor?.userId ?? null },
      },
      context,
    });
  }
}
