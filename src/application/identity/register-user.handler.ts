import { UserDecider, userStreamId, type RegisterUser, type Role } from '../../domain/identity/user.decider';
import { invalid } from '../../domain/shared/domain-error';
import type { CommandContext } from '../shared/command-context';
import type { CommandServices, Positioned } from '../shared/command-services';
import type { PasswordHasher } from './ports/password-hasher.port';

export const EMAIL_SCOPE = 'useremail';
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

export interface RegisterUserInput {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
}

export const assertPasswordPolicy = (password: string): void => {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw invalid('user.weak_password', `A password is ${MIN_PASSWORD_LENGTH}..${MAX_PASSWORD_LENGTH} characters`);
  }
};

/** Creates a user; the email is claimed through its own stream so two registrations cannot share it. */
export class RegisterUserHandler {
  constructor(
    private readonly services: CommandServices,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: RegisterUserInput, context: CommandContext): Promise<Positioned & { userId: string }> {
    const { executor, uniqueKeys, metadata, clock } = this.services;
    assertPasswordPolicy(input.password);
    const email = input.email.trim().toLowerCase();
    const userId = metadata.entityId('register-user', context);
    const command: RegisterUser = {
      type: 'RegisterUser',
      data: {
        userId,
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash: await this.hasher.hash(input.password),
        registeredAt: clock.now().toISOString(),
        registeredBy: context.actor?.userId ?? null,
      },
    };
    UserDecider.decide(command, UserDecider.initialState);
    await uniqueKeys.reserve(EMAIL_SCOPE, email, userId, context, `A user with the email ${email} already exists`);
    const result = await executor.execute({ operation: 'register-user', decider: UserDecider, streamId: userStreamId(userId), command, context });
    return { userId, position: result.position };
  }
}
