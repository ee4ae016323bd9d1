import type { DomainError } from '../../domain/shared/domain-error';
import type { Actor } from './command-context';

/**
 * Tenant isolation: an actor who belongs to a tenant sees only that tenant's data. Lists are filtered by the
 * tenant from the token; a single record of another tenant answers exactly like a record that does not exist.
 */
export const tenantFilter = (actor: Actor | null): { tenantId?: string } =>
  actor?.tenantId ? { tenantId: actor.tenantId } : {};

export const isVisibleTo = (actor: Actor | null, record: { readonly tenantId?: unknown }): boolean =>
  !actor?.tenantId || record.tenantId === actor.tenantId;

/** The record when the actor may see it; otherwise the caller's own not-found error. */
export const visibleOrThrow = <T extends { readonly tenantId?: unknown }>(
  actor: Actor | null,
  record: T | null,
  notFound: () => DomainError,
): T => {
  if (!record || !isVisibleTo(actor, record)) throw notFound();
  return record;
};
