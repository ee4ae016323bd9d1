import type { RegisterUserHandler } from '../../application/identity/register-user.handler';
import type { CommandContext } from '../../application/shared/command-context';
import type { Opsledger } from '../opsledger';
import { TOKENS } from '../tokens';

export interface AdminInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** Creates a platform admin; the first one is how a fresh installation gets its first login. */
export const createAdmin = async (opsledger: Opsledger, input: AdminInput, context: CommandContext): Promise<string> => {
  const registerUser = opsledger.container.get<RegisterUserHandler>(TOKENS.registerUser);
  const { userId } = await registerUser.execute({ ...input, role: 'admin', tenantId: null }, context);
  return userId;
};
