import { normaliseSerial } from '../../../domain/inventory/serial-code';
import { addDays } from '../../../domain/shared/calendar-date';
import { notFound } from '../../../domain/shared/domain-error';
import type { ClaimStatus } from '../../../domain/warranty/claim.events';
import { normaliseClaimNumber } from '../../../domain/warranty/claim-number';
import type { Actor } from '../../shared/command-context';
import { definedOnly, findPage, type Page, type PageRequest } from '../../shared/paging';
import type { AttachmentStore, StoredAttachment } from '../../shared/ports/attachment-store.port';
import type { DocumentFilter, DocumentStore } from '../../shared/ports/document-store.port';
import { WARRANTY_CLAIMS, type ClaimView } from './claims.read-model';

/** The permission that shows every claim; without it a caller sees the claims of their own warranties. */
export const CLAIMS_READ = 'claims:read';

export interface ClaimFilterQuery {
  readonly status?: ClaimStatus | undefined;
  readonly assigneeId?: string | undefined;
  readonly serial?: string | undefined;
  readonly warrantyId?: string | undefined;
  readonly claimNumber?: string | undefined;
  /** Calendar days (YYYY-MM-DD, UTC), both included. */
  readonly filedFrom?: string | undefined;
  readonly filedTo?: string | undefined;
}

export interface ClaimListQuery extends ClaimFilterQuery, PageRequest {}

export interface PermissionCheck {
  allows(actor: Actor, permission: string): Promise<boolean>;
}

const filedBetween = (from: string | undefined, to: string | undefined): DocumentFilter => {
  if (from === undefined && to === undefined) return {};
  return { filedAt: definedOnly({ $gte: from, $lt: to === undefined ? undefined : addDays(to, 1) }) as DocumentFilter[string] };
};

/** The claim list's filter, shared by the paged list and the CSV export. */
export const claimFilter = (query: ClaimFilterQuery): DocumentFilter =>
  definedOnly({
    status: query.status,
    assigneeId: query.assigneeId,
    serial: query.serial ? normaliseSerial(query.serial) : undefined,
    warrantyId: query.warrantyId,
    claimNumber: query.claimNumber ? normaliseClaimNumber(query.claimNumber) : undefined,
    ...filedBetween(query.filedFrom, query.filedTo),
  });

const claimNotFound = (claimId: string) => notFound('claim.not_found', `Claim ${claimId} does not exist`, { claimId });

/** Claims from their read model: staff see them all, a consumer the claims of their own warranties. */
export class ClaimQueries {
  constructor(
    private readonly documents: DocumentStore,
    private readonly permissions: PermissionCheck,
    private readonly attachments: AttachmentStore,
  ) {}

  async list(actor: Actor, query: ClaimListQuery): Promise<Page<ClaimView>> {
    const own: DocumentFilter = (await this.permissions.allows(actor, CLAIMS_READ)) ? {} : { consumerUserId: actor.userId };
    const filter = { ...own, ...claimFilter(query) };
    return findPage<ClaimView>(this.documents, WARRANTY_CLAIMS, filter, [{ field: 'filedAt', direction: 'desc' }], query);
  }

  /** Someone else's claim answers exactly like a claim that does not exist. */
  async get(actor: Actor, claimId: string): Promise<ClaimView> {
    const claim = await this.documents.get<ClaimView>(WARRANTY_CLAIMS, claimId);
    if (!claim || !(await this.mayRead(actor, claim))) throw claimNotFound(claimId);
    return claim;
  }

  /** A photo of a claim the caller may read, with the content type found in its bytes when it was filed. */
  async attachment(actor: Actor, claimId: string, attachmentId: string): Promise<StoredAttachment> {
    const claim = await this.get(actor, claimId);
    const listed = claim.attachments.find((a) => a.attachmentId === attachmentId);
    const stored = listed ? await this.attachments.get(attachmentId) : null;
    if (!listed || !stored) {
      throw notFound('claim.attachment_not_found', `Claim ${claimId} has no attachment ${attachmentId}`, { claimId, attachmentId });
    }
    return { ...stored, contentType: listed.contentType, fileName: listed.fileName };
  }

  private async mayRead(actor: Actor, claim: ClaimView): Promise<boolean> {
    return claim.consumerUserId === actor.userId || this.permissions.allows(actor, CLAIMS_READ);
  }
}
