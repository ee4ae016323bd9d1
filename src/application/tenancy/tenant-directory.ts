import { TenantDecider, tenantStreamId } from '../../domain/tenancy/tenant.decider';
import type { TenantDirectory } from '../identity/user-administration.handler';
import { loadAggregate } from '../shared/load-aggregate';
import type { EventStore } from '../shared/ports/event-store.port';

/** Whether a tenant exists and is active, read from its stream (users are never placed in a tenant that is not). */
export class StreamTenantDirectory implements TenantDirectory {
  constructor(private readonly eventStore: EventStore) {}

  async isActive(tenantId: string): Promise<boolean> {
    const { state } = await loadAggregate(this.eventStore, TenantDecider, tenantStreamId(tenantId));
    return state.status === 'active';
  }
}
