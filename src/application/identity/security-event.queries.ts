import type { Actor } from '../shared/command-context';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { SECURITY_EVENTS, type SecurityEventType, type SecurityEventView } from './security-events.read-model';
import type { UserQueries } from './user.queries';

export interface SecurityEventListQuery extends PageRequest {
  readonly type?: SecurityEventType | undefined;
}

/** A user's security log, newest first; a tenant's callers see only their own tenant's users (others are 404). */
export class SecurityEventQueries {
  constructor(
    private readonly documents: DocumentStore,
    private readonly users: UserQueries,
  ) {}

  async list(actor: Actor | null, userId: string, query: SecurityEventListQuery): Promise<Page<SecurityEventView>> {
    await this.users.get(actor, userId);
    const filter = definedOnly({ userId, type: query.type });
    const newestFirst = [
      { field: 'occurredAt', direction: 'desc' },
      { field: 'position', direction: 'desc' },
    ] as const;
    return findPage(this.documents, SECURITY_EVENTS, filter, newestFirst, query);
  }
}
