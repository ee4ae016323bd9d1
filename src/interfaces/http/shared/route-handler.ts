import type { Request, RequestHandler, Response } from 'express';
import { isDomainError } from '../../../domain/shared/domain-error';
import { HttpProblemError, validationFailed } from './http-problem.error';
import type { Actor } from './request-context';
import { ensureRequestContext, setActor } from './request-context';
import { headerProblemOf } from './request-context.middleware';
import type { HandlerResult, RouteDefinition } from './route-definition';
import { parseRequestParts } from './request-validation';
import { createMultipartReader, MULTIPART_FORM } from './multipart-form';
import { createUploadReader, missingUpload } from './file-upload';
import { sendStream } from './stream-response';

export type Authenticate = (req: Request) => Promise<Actor | null>;
export type Authorize = (actor: Actor, permission: string) => boolean | Promise<boolean>;

export interface AccessControl {
  authenticate: Authenticate;
  authorize: Authorize;
}

export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

const unauthenticated = (): HttpProblemError =>
  new HttpProblemError(
    { status: 401, code: 'auth.unauthenticated', detail: 'This operation requires a bearer token' },
    { 'WWW-Authenticate': 'Bearer' },
  );

const forbidden = (permission: string): HttpProblemError =>
  new HttpProblemError({ status: 403, code: 'auth.forbidden', detail: `This operation requires the ${permission} permission` });

const unsupportedMediaType = (): HttpProblemError =>
  new HttpProblemError({
    status: 415,
    code: 'request.unsupported_media_type',
    detail: 'The request body must be application/json',
  });

/**
 * Public routes still learn who is calling when a valid token comes along, but a stale or invalid token
 * does not lock anyone out of a public page: it is ignored there.
 */
const resolveActor = async (route: RouteDefinition, req: Request, access: AccessControl): Promise<Actor | null> => {
  if (route.permission === 'public') {
    try {
      return await access.authenticate(req);
    } catch (error) {
      if (isDomainError(error) && error.kind === 'unauthorized') return null;
      throw error;
    }
  }
  const actor = await access.authenticate(req);
  if (!actor) throw unauthenticated();
  if (!(await access.authorize(actor, route.permission))) throw forbidden(route.permission);
  return actor;
};

/** An empty POST (Content-Length: 0) carries no media type to judge; validation reports the missing body. */
const hasBodyContent = (req: Request): boolean =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;

const sendResult = async (res: Response, result: HandlerResult): Promise<void> => {
  const start = () => {
    if (result.headers) res.set(result.headers);
    res.status(result.status);
    if (result.contentType) res.type(result.contentType);
  };
  if (result.stream) return sendStream(res, result.stream, start);
  start();
  if (result.body === undefined) res.end();
  else if (result.contentType) res.send(result.body);
  else res.json(result.body);
};

/** Authenticates, authorises, validates, then runs the handler; every failure goes to the error middleware. */
export const createRouteHandler = (route: RouteDefinition, access: AccessControl): RequestHandler => {
  const readUpload = route.upload ? createUploadReader(route.upload) : undefined;
  const readForm = route.multipart ? createMultipartReader(route.multipart) : undefined;
  return async (req, res) => {
    // Repeated here so a router mounted without createHttpApp's middleware still rejects a bad header.
    const baseContext = ensureRequestContext(req, res);
    const headerProblem = headerProblemOf(req);
    if (headerProblem) throw headerProblem;
    const actor = await resolveActor(route, req, access);
    setActor(req, actor);
    const form = readForm !== undefined && hasBodyContent(req) && Boolean(req.is(MULTIPART_FORM));
    if (route.body && hasBodyContent(req) && !form && !req.is(JSON_MEDIA_TYPES)) throw unsupportedMediaType();
    const files = readForm && form ? await readForm(req, res) : undefined;
    const file = readUpload && hasBodyContent(req) ? await readUpload(req, res) : undefined;
    if (route.upload && !file) throw missingUpload(route.upload);
    const parsed = await parseRequestParts(
      { params: route.params, query: route.query, body: route.body },
      { params: req.params, query: req.query, body: req.body },
    );
    if (!parsed.ok) throw validationFailed(parsed.issues);
    const result = await route.handler({
      ...parsed.parts,
      ...(file ? { file } : {}),
      ...(files ? { files } : {}),
      context: { ...baseContext, actor },
    } as Parameters<RouteDefinition['handler']>[0]);
    await sendResult(res, result);
  };
};
