import type { RequestHandler } from 'express';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from './openapi-document';
import type { RouteEntry } from './route-table';

export const API_SCHEMA_PATH = '/api/schema';
export const SWAGGER_UI_PATH = '/api/docs';
export const REDOC_PATH = '/api/redoc';
export const REDOC_BUNDLE_PATH = `${REDOC_PATH}/redoc.standalone.js`;

export const API_DOCS_ROUTES: readonly RouteEntry[] = [API_SCHEMA_PATH, SWAGGER_UI_PATH, REDOC_PATH, REDOC_BUNDLE_PATH].map(
  (path) => ({ method: 'get', path }),
);

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const redocPage = (title: string): string => `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>body { margin: 0; padding: 0; }</style>
</head>
<body>
  <redoc spec-url="${API_SCHEMA_PATH}"></redoc>
  <script src="${REDOC_BUNDLE_PATH}"></script>
</body>
</html>
`;

/**
 * Swagger UI's page loads its assets relatively (`./swagger-ui.css`), so it must be served from
 * `/api/docs/`; the slash-less address redirects there.
 */
const swaggerUiPage = (title: string): RequestHandler => {
  const page = swaggerUi.setup(undefined, { customSiteTitle: title, swaggerOptions: { url: API_SCHEMA_PATH } });
  return (req, res, next) => {
    const [path, query] = req.originalUrl.split('?');
    if (!path?.endsWith('/')) {
      res.redirect(301, `${path ?? SWAGGER_UI_PATH}/${query === undefined ? '' : `?${query}`}`);
      return;
    }
    page(req, res, next);
  };
};

/** The OpenAPI document and its two readers, all served from local files (no CDN). */
export const createApiDocsRouter = (document: () => OpenApiDocument, title: string): Router => {
  const router = Router();
  const redocBundle = require.resolve('redoc/bundles/redoc.standalone.js');
  router.get(API_SCHEMA_PATH, (_req, res) => {
    res.json(document());
  });
  router.get(SWAGGER_UI_PATH, swaggerUiPage(`${title} · API`));
  router.use(SWAGGER_UI_PATH, swaggerUi.serveFiles(undefined, { swaggerOptions: { url: API_SCHEMA_PATH } }));
  router.get(REDOC_PATH, (_req, res) => {
    res.type('html').send(redocPage(`${title} · API reference`));
  });
  router.get(REDOC_BUNDLE_PATH, (_req, res, next) => {
    res.sendFile(redocBundle, { maxAge: '1d' }, (error) => {
      if (error) next(error);
    });
  });
  return router;
};
