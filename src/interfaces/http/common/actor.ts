import type { Actor } from '../../../application/shared/command-context';
import { unauthorized } from '../../../domain/shared/domain-error';
import type { RequestContext } from '../shared/request-context';

/** The authenticated caller of a protected route (the route handler has already refused anonymous calls). */
export const actorOf = (context: RequestContext): Actor => {
  if (!context.actor) throw unauthorized('auth.unauthenticated', 'Authentication is required');
  return context.actor;
};
