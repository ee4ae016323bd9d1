import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ensureRequestContext } from './request-context';

/**
 * One line per request. Only chosen fields are logged: never headers, bodies or the query string,
 * where tokens, cookies and passwords travel.
 */
export const createAccessLogMiddleware =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    const context = ensureRequestContext(req, res);
    const path = req.originalUrl.split('?')[0];
    let logged = false;
    const log = (): void => {
      if (logged) return;
      logged = true;
      const entry = {
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
        requestId: context.requestId,
        correlationId: context.correlationId,
        ...(context.actor ? { userId: context.actor.userId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error(entry, 'request completed');
      else if (res.statusCode >= 400) logger.warn(entry, 'request completed');
      else logger.info(entry, 'request completed');
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
