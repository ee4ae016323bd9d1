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
    let logged = false;
    const log = (): void => {
      if (logged) return;
      logged = true;
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      // Under load most lines are below the configured level: then there is nothing to build.
      if (!logger.isLevelEnabled(level)) return;
      const entry = {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
        requestId: context.requestId,
        correlationId: context.correlationId,
        ...(context.actor ? { userId: context.actor.userId } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      logger[level](entry, 'request completed');
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
