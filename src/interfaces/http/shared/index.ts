export { createAccessLogMiddleware } from './access-log.middleware';
export { API_SCHEMA_PATH, REDOC_BUNDLE_PATH, REDOC_PATH, SWAGGER_UI_PATH, createApiDocsRouter } from './api-docs.router';
export type { CreateHttpAppOptions } from './create-http-app';
export { createHttpApp } from './create-http-app';
export { STATUS_BY_DOMAIN_ERROR_KIND, createErrorHandler } from './error-handler.middleware';
export type { HealthCheck, HealthProbes, Readiness } from './health.routes';
export { uploadedFile } from './file-upload';
export { HttpApi } from './http-api';
export { REDACTED_PATHS, createHttpLogger } from './http-logger';
export { HttpProblemError, VALIDATION_FAILED, validationFailed } from './http-problem.error';
export type { ApiInfo, OpenApiDocument } from './openapi-document';
export { BEARER_SECURITY_SCHEME, buildOpenApiDocument } from './openapi-document';
export type { ProblemDetails, ProblemInit, ValidationIssue } from './problem-details';
export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  buildProblem,
  problemResponseSchema,
  problemTypeFor,
  sendProblem,
  validationIssueSchema,
} from './problem-details';
export type { Actor, RequestContext } from './request-context';
export {
  CORRELATION_ID_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  MIN_POSITION_HEADER,
  REQUEST_ID_HEADER,
  ensureRequestContext,
  requestContextOf,
} from './request-context';
export { requestContextMiddleware } from './request-context.middleware';
export type {
  HandlerInput,
  HandlerResult,
  HttpMethod,
  ParameterSchema,
  ResponseHeaderSpec,
  ResponseSpec,
  RouteDefinition,
  RoutePermission,
  RouteSummary,
  UploadedFile,
  UploadSpec,
} from './route-definition';
export { defineRoute } from './route-definition';
export type { AccessControl, Authenticate, Authorize } from './route-handler';
