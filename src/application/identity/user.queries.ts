import type { Role } from '../../domain/identity/user.decider';
import { notFound } from '../../domain/shared/domain-error';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { USERS, type UserView } from './users.read-model';

export interface UserListQuery extends PageRequest {
  readonly role?: Role | undefined;
  readonly status?: UserView['status'] | undefined;
  /** Case-insensitive match on the email. */
  readonly search?: string | undefined;
}

export class UserQueries {
  constructor(private readonly documents: DocumentStore) {}

  list(query: UserListQuery): Promise<Page<UserView>> {
    const filter = definedOnly({
      role: query.role,
      status: query.status,
      email: query.search ? { $contains: query.search } : undefined,
    });
    return findPage(this.documents, USERS, filter, [{ field: 'email', direction: 'asc' }], query);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.documents.get<UserView>(USERS, id);
    if (!user) throw notFound('user.not_found', `User ${id} does not exist`, { userId: id });
    return user;
  }
}
