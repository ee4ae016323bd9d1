import { conflict, isDomainError } from '../../domain/shared/domain-error';
import { UniqueKeyDecider, uniqueKeyStreamId } from '../../domain/shared/unique-key.decider';
import { withoutIdempotencyKey, type CommandContext } from './command-context';
import type { CommandExecutor } from './command-executor';
import { loadAggregate } from './load-aggregate';
import type { Clock } from './ports/clock.port';
import type { EventStore } from './ports/event-store.port';

/** Unique values (SKUs, emails) claimed through their own streams, so the event store decides races. */
export class UniqueKeys {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly eventStore: EventStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims `key` for `ownerId`; fails with conflict `<scope>.already_taken` (worded by `takenMessage`
   * when given) if another owner holds it.
   */
  async reserve(scope: string, key: string, ownerId: string, context: CommandContext, takenMessage?: string): Promise<number> {
    const result = await this.executor
      .execute({
        operation: `reserve-${scope}`,
        decider: UniqueKeyDecider,
        streamId: uniqueKeyStreamId(scope, key),
        command: { type: 'ReserveUniqueKey', data: { scope, key, ownerId, reservedAt: this.clock.now().toISOString() } },
        context,
      })
      .catch((error: unknown) => {
        const taken = isDomainError(error) && error.code === `${scope}.already_taken`;
        throw taken && takenMessage ? conflict(error.code, takenMessage, error.details) : error;
      });
    return result.position;
  }

  async release(scope: string, key: string, ownerId: string, context: CommandContext): Promise<number> {
    const result = await this.executor.execute({
      operation: `release-${scope}`,
      decider: UniqueKeyDecider,
      streamId: uniqueKeyStreamId(scope, key),
      command: { type: 'ReleaseUniqueKey', data: { scope, key, ownerId, releasedAt: this.clock.now().toISOString() } },
      context,
    });
    return result.position;
  }

  /**
   * Gives back keys claimed for a change that then failed. Best effort: the original error is what the caller
   * reports, and a key left claimed is refused to others rather than given to two owners.
   */
  async giveBack(claims: readonly (readonly [scope: string, key: string])[], ownerId: string, context: CommandContext): Promise<void> {
    const plain = withoutIdempotencyKey(context);
    await Promise.all(claims.map(([scope, key]) => this.release(scope, key, ownerId, plain).catch(() => undefined)));
  }

  /** The current owner, read from the key's stream (strongly consistent, unlike a read model). */
  async ownerOf(scope: string, key: string): Promise<string | null> {
    const { state } = await loadAggregate(this.eventStore, UniqueKeyDecider, uniqueKeyStreamId(scope, key));
    return state.status === 'reserved' ? state.ownerId : null;
  }
}
