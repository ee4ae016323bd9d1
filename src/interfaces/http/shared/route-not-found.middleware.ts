import type { RequestHandler } from 'express';
import { HttpProblemError } from './http-problem.error';
import type { RouteEntry } from './route-table';
import { allowedMethodsFor } from './route-table';

/** Runs after every router: a known path with another method is a 405 with `Allow`, anything else a 404. */
export const createRouteNotFoundHandler =
  (entries: () => readonly RouteEntry[]): RequestHandler =>
  (req, _res, next) => {
    const allowed = allowedMethodsFor(entries(), req.path);
    if (allowed.length > 0) {
      next(
        new HttpProblemError(
          {
            status: 405,
            code: 'route.method_not_allowed',
            detail: `${req.method} is not allowed here; use ${allowed.join(', ')}`,
          },
          { Allow: allowed.join(', ') },
        ),
      );
      return;
    }
    next(new HttpProblemError({ status: 404, code: 'route.not_found', detail: 'No route matches this path' }));
  };
