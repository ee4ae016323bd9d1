import { isDomainError } from '../../../domain/shared/domain-error';

/** The code every DocumentStore raises when a fenced commit finds the checkpoint moved by another worker. */
export const CHECKPOINT_MOVED = 'document_store.checkpoint_moved';

export const isCheckpointMoved = (error: unknown): boolean => isDomainError(error) && error.code === CHECKPOINT_MOVED;
