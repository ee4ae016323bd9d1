import type { Actor } from '../shared/command-context';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { tenantFilter, visibleOrThrow } from '../shared/tenant-scope';
import { TENANTS, type TenantView } from './tenants.read-model';
import { tenantNotFound } from './vendor-credentials';

export interface TenantListQuery extends PageRequest {
  readonly status?: TenantView['status'] | undefined;
  /** Case-insensitive match on the name. */
  readonly search?: string | undefined;
}

/** Tenants from the read model; a tenant's own users see that tenant only. */
export class TenantQueries {
  constructor(private readonly documents: DocumentStore) {}

  list(actor: Actor | null, query: TenantListQuery): Promise<Page<TenantView>> {
    const filter = definedOnly({
      status: query.status,
      name: query.search ? { $contains: query.search } : undefined,
      ...tenantFilter(actor),
    });
    return findPage(this.documents, TENANTS, filter, [{ field: 'name', direction: 'asc' }], query);
  }

  async get(actor: Actor | null, id: string): Promise<TenantView> {
    return visibleOrThrow(actor, await this.documents.get<TenantView>(TENANTS, id), () => tenantNotFound(id));
  }
}
