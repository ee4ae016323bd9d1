import type { CommandContext } from '../../../application/shared/command-context';
import type { IdempotencyKeys } from '../../../application/shared/idempotency-keys';
import type { RequestContext } from '../shared/request-context';

export const POSITION_HEADER = 'Opsledger-Position';

/** The request's who/where/why, as event metadata for the command it triggers. */
export const commandContext = (context: RequestContext): CommandContext => ({
  correlationId: context.correlationId,
  causationId: context.requestId,
  actor: context.actor,
  clientIp: context.clientIp,
  userAgent: context.userAgent,
  idempotencyKey: context.idempotencyKey ?? null,
});

export interface CommandEdge {
  readonly idempotency: IdempotencyKeys;
}

/** A command's answer: the body plus the global position it wrote, in the body and a header. */
export const written = <T extends object>(status: number, body: T & { position: number }) => ({
  status,
  body,
  headers: { [POSITION_HEADER]: String(body.position) },
});
