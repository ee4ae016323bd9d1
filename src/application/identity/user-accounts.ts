import { UserDecider, userStreamId, type UserState } from '../../domain/identity/user.decider';
import { notFound } from '../../domain/shared/domain-error';
import { loadAggregate } from '../shared/load-aggregate';
import type { EventStore } from '../shared/ports/event-store.port';
import type { UniqueKeys } from '../shared/unique-keys';
import type { ExistingUser } from './user-view';

/** Users read from their streams (strongly consistent), for logins and checks that cannot wait for a read model. */
export class UserAccounts {
  constructor(
    private readonly eventStore: EventStore,
    private readonly uniqueKeys: UniqueKeys,
  ) {}

  async load(userId: string): Promise<UserState> {
    return (await loadAggregate(this.eventStore, UserDecider, userStreamId(userId))).state;
  }

  async existing(userId: string): Promise<ExistingUser> {
    const state = await this.load(userId);
    if (state.status === 'none') throw notFound('user.not_found', `User ${userId} does not exist`, { userId });
    return state;
  }

  /** The user a unique key (an email, a phone) belongs to, if any. */
  async byKey(scope: string, key: string): Promise<ExistingUser | null> {
    const userId = await this.uniqueKeys.ownerOf(scope, key);
    if (!userId) return null;
    const state = await this.load(userId);
    return state.status === 'none' ? null : state;
  }
}
