import { notFound } from '../../domain/shared/domain-error';
import type { Actor } from '../shared/command-context';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { tenantFilter, visibleOrThrow } from '../shared/tenant-scope';
import { USERS, type UserView } from './users.read-model';

export interface UserListQuery extends PageRequest {
  readonly role?: string | undefined;
  readonly status?: UserView['status'] | undefined;
  readonly tenantId?: string | undefined;
  /** Case-insensitive match on the email. */
  readonly search?: string | undefined;
}

export const userNotFound = (id: string) => notFound('user.not_found', `User ${id} does not exist`, { userId: id });

/** Users from the read model, always inside the caller's tenant when the caller belongs to one. */
export class UserQueries {
  constructor(private readonly documents: DocumentStore) {}

  list(actor: Actor | null, query: UserListQuery): Promise<Page<UserView>> {
    const filter = definedOnly({
      role: query.role,
      status: query.status,
      tenantId: query.tenantId,
      email: query.search ? { $contains: query.search } : undefined,
      ...tenantFilter(actor),
    });
    return findPage(this.documents, USERS, filter, [{ field: 'email', direction: 'asc' }], query);
  }

  async get(actor: Actor | null, id: string): Promise<UserView> {
    return visibleOrThrow(actor, await this.documents.get<UserView>(USERS, id), () => userNotFound(id));
  }
}
