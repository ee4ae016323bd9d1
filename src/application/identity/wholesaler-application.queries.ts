import { notFound } from '../../domain/shared/domain-error';
import type { Actor } from '../shared/command-context';
import { definedOnly, findPage, type Page, type PageRequest } from '../shared/paging';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { tenantFilter, visibleOrThrow } from '../shared/tenant-scope';
import { WHOLESALER_APPLICATIONS, type WholesalerApplicationView } from './wholesaler-applications.read-model';

export interface WholesalerApplicationListQuery extends PageRequest {
  readonly status?: WholesalerApplicationView['status'] | undefined;
}

export const wholesalerApplicationNotFound = (id: string) =>
  notFound('wholesaler_application.not_found', `There is no wholesaler application ${id}`, { id });

/** Wholesaler applications from the read model, oldest first: the order reviewers work through them. */
export class WholesalerApplicationQueries {
  constructor(private readonly documents: DocumentStore) {}

  list(actor: Actor, query: WholesalerApplicationListQuery): Promise<Page<WholesalerApplicationView>> {
    const filter = definedOnly({ status: query.status, ...tenantFilter(actor) });
    return findPage(this.documents, WHOLESALER_APPLICATIONS, filter, [{ field: 'submittedAt', direction: 'asc' }], query);
  }

  async get(actor: Actor, id: string): Promise<WholesalerApplicationView> {
    const application = await this.documents.get<WholesalerApplicationView>(WHOLESALER_APPLICATIONS, id);
    return visibleOrThrow(actor, application, () => wholesalerApplicationNotFound(id));
  }
}
