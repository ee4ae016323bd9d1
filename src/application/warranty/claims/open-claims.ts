import { withoutIdempotencyKey, type CommandContext } from '../../shared/command-context';
import type { UniqueKeys } from '../../shared/unique-keys';

/**
 * "At most one open claim per warranty" as a unique key: the warranty id, held by the open claim from its filing
 * until it is rejected or resolved.
 */
export const OPEN_CLAIM_SCOPE = 'open_claim';

/** Lets the warranty be claimed again; a no-op when the claim no longer holds it, so it may run more than once. */
export const releaseOpenClaim = async (uniqueKeys: UniqueKeys, warrantyId: string, claimId: string, context: CommandContext): Promise<void> => {
  // Bookkeeping after the change itself: decided afresh on every retry, never replayed.
  await uniqueKeys.release(OPEN_CLAIM_SCOPE, warrantyId, claimId, withoutIdempotencyKey(context));
};
