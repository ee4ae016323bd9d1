import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

export interface Actor {
  userId: string;
  role: string;
  tenantId: string | null;
}

/** Who asked, from where, and how fresh the read side must be; handed to every route handler. */
export interface RequestContext {
  requestId: string;
  correlationId: string;
  clientIp: string | null;
  userAgent: string | null;
  actor: Actor | null;
  /** Read-your-writes: the global position a query should wait for (from `Opsledger-Min-Position`). */
  minPosition: number | null;
  /** From `Idempotency-Key`: a retried command with the same key answers like the first. */
  idempotencyKey?: string | null;
  /** Aborted when the client goes away before the response is finished. */
  signal?: AbortSignal;
}

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';
export const MIN_POSITION_HEADER = 'Opsledger-Min-Position';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const SANE_TOKEN = /^[A-Za-z0-9._-]{1,128}$/;
const NON_NEGATIVE_INTEGER = /^(0|[1-9][0-9]{0,15})$/;
// Visible ASCII, optionally in the quotes of the draft's structured-field string form.
const IDEMPOTENCY_KEY = /^"?([\x21\x23-\x7E]{1,255})"?$/;

const contexts = new WeakMap<Request, RequestContext>();

const saneToken = (value: string | undefined): string | null =>
  value !== undefined && SANE_TOKEN.test(value) ? value : null;

export type HeaderParse<T> = { ok: true; value: T | null } | { ok: false; message: string };

export const parseMinPosition = (raw: string | undefined): HeaderParse<number> => {
  if (raw === undefined) return { ok: true, value: null };
  const trimmed = raw.trim();
  if (!NON_NEGATIVE_INTEGER.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    return { ok: false, message: 'must be a non-negative integer' };
  }
  return { ok: true, value: Number(trimmed) };
};

export const parseIdempotencyKey = (raw: string | undefined): HeaderParse<string> => {
  if (raw === undefined) return { ok: true, value: null };
  const match = IDEMPOTENCY_KEY.exec(raw.trim());
  return match?.[1] ? { ok: true, value: match[1] } : { ok: false, message: 'must be 1 to 255 visible ASCII characters' };
};

/** The request's header-borne parameters; malformed ones become 400s before any route runs. */
export const headerIssuesOf = (req: Request): { header: string; message: string }[] =>
  (
    [
      [MIN_POSITION_HEADER, parseMinPosition(req.get(MIN_POSITION_HEADER))],
      [IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey(req.get(IDEMPOTENCY_KEY_HEADER))],
    ] as const
  ).flatMap(([header, parse]) => (parse.ok ? [] : [{ header, message: parse.message }]));

const abortSignalFor = (res: Response): AbortSignal => {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
};

/**
 * Creates the request's context once (idempotent), echoing the request id. Malformed header parameters are
 * left null here; `headerIssuesOf` reports them so the middleware and route handler answer 400.
 */
export const ensureRequestContext = (req: Request, res: Response): RequestContext => {
  const existing = contexts.get(req);
  if (existing) return existing;
  const requestId = saneToken(req.get(REQUEST_ID_HEADER)) ?? randomUUID();
  const minPosition = parseMinPosition(req.get(MIN_POSITION_HEADER));
  const idempotencyKey = parseIdempotencyKey(req.get(IDEMPOTENCY_KEY_HEADER));
  const context: RequestContext = {
    requestId,
    correlationId: saneToken(req.get(CORRELATION_ID_HEADER)) ?? requestId,
    clientIp: req.ip ?? req.socket.remoteAddress ?? null,
    userAgent: req.get('user-agent') ?? null,
    actor: null,
    minPosition: minPosition.ok ? minPosition.value : null,
    idempotencyKey: idempotencyKey.ok ? idempotencyKey.value : null,
    signal: abortSignalFor(res),
  };
  contexts.set(req, context);
  if (!res.headersSent) res.set(REQUEST_ID_HEADER, requestId);
  return context;
};

export const requestIdOf = (req: Request, res: Response): string => ensureRequestContext(req, res).requestId;

/** Records the authenticated actor so the access log and later middleware can see who asked. */
export const setActor = (req: Request, actor: Actor | null): void => {
  const context = contexts.get(req);
  if (context) context.actor = actor;
};

export const requestContextOf = (req: Request): RequestContext | undefined => contexts.get(req);
