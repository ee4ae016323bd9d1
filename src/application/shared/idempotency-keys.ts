import { createHash } from 'node:crypto';
import { DomainError, invalid } from '../../domain/shared/domain-error';
import { withoutIdempotencyKey, type CommandContext } from './command-context';
import type { UniqueKeys } from './unique-keys';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Binds a client's Idempotency-Key to one request (operation + input). The same key with the same request
 * replays the first answer; the same key with a different request is refused with 422
 * `idempotency.key_reused`, so a reused key can never make two entities share derived ids.
 */
export class IdempotencyKeys {
  constructor(private readonly uniqueKeys: UniqueKeys) {}

  async bind(context: CommandContext, operation: string, request: unknown): Promise<CommandContext> {
    if (!context.idempotencyKey) return context;
    const fingerprint = sha256(`${operation}\u0000${JSON.stringify(request ?? null)}`);
    const slot = sha256(`${context.actor?.userId ?? 'anonymous'}\u0000${context.idempotencyKey}`);
    try {
      // Without the key: the reservation itself must be decided, never replayed.
      await this.uniqueKeys.reserve('idempotency', slot, fingerprint, withoutIdempotencyKey(context));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'idempotency.already_taken') {
        throw invalid('idempotency.key_reused', 'This Idempotency-Key was already used for a different request', {
          idempotencyKey: context.idempotencyKey,
        });
      }
      throw error;
    }
    return { ...context, idempotencyKey: `${context.idempotencyKey}\u0000${fingerprint}` };
  }
}
