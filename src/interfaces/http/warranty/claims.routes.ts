import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ClaimQueries } from '../../../application/warranty/claims/claim.queries';
import type { ClaimWorkflowHandler } from '../../../application/warranty/claims/claim-workflow.handler';
import type { ClaimUpload } from '../../../application/warranty/claims/claim-attachments';
import type { FileClaimHandler } from '../../../application/warranty/claims/file-claim.handler';
import type { WarrantyQueries } from '../../../application/warranty/warranty.queries';
import { actorOf } from '../common/actor';
import type { CommandEdge } from '../common/command-context.mapping';
import { pageOf } from '../common/pagination.schema';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { commandRoute, queryRoute } from '../common/route-kinds';
import { defineRoute, type HandlerInput, type RouteDefinition } from '../shared';
import type { MultipartSpec, UploadedFile } from '../shared/route-definition';
import {
  assignClaimBody,
  claimAttachmentParams,
  claimChangedSchema,
  claimIdParams,
  claimListQuery,
  claimSchema,
  claimStepBody,
  fileClaimBody,
  filedClaimSchema,
  publicClaimBody,
  publicFiledClaimSchema,
  rejectClaimBody,
  resolveClaimBody,
} from './claims.schemas';

export interface ClaimsHttpDependencies extends CommandEdge {
  readonly fileClaim: FileClaimHandler;
  readonly claimWorkflow: ClaimWorkflowHandler;
  readonly claimQueries: ClaimQueries;
  readonly warrantyQueries: WarrantyQueries;
  readonly readSide: ReadSide;
}

const tags = ['warranty claims'];
const path = '/api/warranty/claims';

/** Photos of the fault; JPEG, PNG or WebP, recognised by their bytes (the declared type is ignored). */
const photos: MultipartSpec = { description: 'Photos of the fault: JPEG, PNG or WebP', fileField: 'photos', maxFiles: 5, maxFileBytes: 5 * 1024 * 1024 };
const multipartNote =
  'Send JSON, or multipart/form-data with the same fields as text parts and up to 5 photos (5 MB each) in the field `photos`. ' +
  'A file that is not a JPEG, PNG or WebP image answers 422 claim.invalid_attachment and nothing is filed; a larger one 413.';

const uploadsOf = (files: readonly UploadedFile[] | undefined): ClaimUpload[] =>
  (files ?? []).map((file) => ({ bytes: file.content, fileName: file.filename ?? '' }));

/** An Idempotency-Key binds to the fields and the photos' contents, so a retry must send the same photos. */
const withPhotos = (input: HandlerInput<undefined, undefined, unknown>) => ({
  body: input.body,
  photos: (input.files ?? []).map((file) => createHash('sha256').update(file.content).digest('hex')),
});

const changed = { 200: { description: 'The claim’s new status', schema: claimChangedSchema } };

export const claimsRoutes = (deps: ClaimsHttpDependencies): RouteDefinition[] => [
  commandRoute(
    deps,
    {
      method: 'post', path, operationId: 'fileClaim', tags, status: 201, permission: 'claims:file',
      summary: 'File a warranty claim (a consumer for their own warranty, staff for any)',
      description: `The warranty must be active; a warranty has at most one open claim (409 claim.open_claim_exists). ${multipartNote}`,
      body: fileClaimBody, multipart: photos,
      fingerprint: withPhotos,
      responses: { 201: { description: 'Filed', schema: filedClaimSchema } },
    },
    async (input, command) => {
      const { body, context } = input;
      let serial = body.serial;
      if (serial === undefined) {
        await awaitReadSide(deps.readSide, context);
        serial = (await deps.warrantyQueries.get(body.warrantyId ?? '')).serial;
      }
      const filed = { serial, warrantyId: body.warrantyId, description: body.description, photos: uploadsOf(input.files) };
      return deps.fileClaim.file(filed, command);
    },
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/public`, operationId: 'filePublicClaim', tags, status: 201, permission: 'public',
      summary: 'File a warranty claim without an account: the serial and the phone the warranty was registered with',
      description:
        'Answers the claim number only. A serial that is unknown, has no warranty, or whose warranty names another phone all ' +
        `answer the same 404 claim.warranty_not_found. Attempts are limited per client IP (429). ${multipartNote}`,
      body: publicClaimBody, multipart: photos,
      fingerprint: withPhotos,
      responses: { 201: { description: 'Filed', schema: publicFiledClaimSchema } },
    },
    async (input, command) => {
      const { body } = input;
      const filed = await deps.fileClaim.filePublic({ ...body, photos: uploadsOf(input.files) }, command);
      return { claimNumber: filed.claimNumber, position: filed.position };
    },
  ),
  queryRoute(
    deps.readSide,
    {
      path, operationId: 'listClaims', tags, permission: 'auth:self',
      summary: 'Warranty claims, newest first',
      description: 'Holders of claims:read see every claim; anyone else the claims of warranties issued to their own email or phone.',
      query: claimListQuery,
      responses: { 200: { description: 'A page of claims', schema: pageOf(claimSchema) } },
    },
    ({ query, context }) => deps.claimQueries.list(actorOf(context), query),
  ),
  queryRoute(
    deps.readSide,
    {
      path: `${path}/:id`, operationId: 'getClaim', tags, permission: 'auth:self',
      summary: 'One warranty claim with its history',
      description: 'Staff (claims:read) or the consumer whose warranty it is; to anyone else it does not exist (404).',
      params: claimIdParams,
      responses: { 200: { description: 'The claim', schema: claimSchema } },
    },
    ({ params, context }) => deps.claimQueries.get(actorOf(context), params.id),
  ),
  defineRoute({
    method: 'get', path: `${path}/:id/attachments/:attachmentId`, operationId: 'getClaimAttachment', tags, permission: 'auth:self',
    summary: 'A photo of a claim, with the image type found in its bytes',
    description: 'Staff (claims:read) or the consumer whose warranty it is.',
    params: claimAttachmentParams,
    responses: { 200: { description: 'The image', contentType: 'image/*', schema: z.string().meta({ format: 'binary' }) } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      const photo = await deps.claimQueries.attachment(actorOf(context), params.id, params.attachmentId);
      return {
        status: 200,
        contentType: photo.contentType,
        body: photo.bytes,
        headers: { 'Content-Disposition': `inline; filename="${photo.fileName}"`, 'Cache-Control': 'private, max-age=3600' },
      };
    },
  }),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/review`, operationId: 'startClaimReview', tags, status: 200, permission: 'claims:manage',
      summary: 'Start reviewing a pending claim', params: claimIdParams, body: claimStepBody, responses: changed,
    },
    ({ params, body }, command) => deps.claimWorkflow.startReview({ claimId: params.id, notes: body?.notes }, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/approve`, operationId: 'approveClaim', tags, status: 200, permission: 'claims:manage',
      summary: 'Approve a claim under review', params: claimIdParams, body: claimStepBody, responses: changed,
    },
    ({ params, body }, command) => deps.claimWorkflow.approve({ claimId: params.id, notes: body?.notes }, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/reject`, operationId: 'rejectClaim', tags, status: 200, permission: 'claims:manage',
      summary: 'Reject a claim under review, saying why (final)', params: claimIdParams, body: rejectClaimBody, responses: changed,
    },
    ({ params, body }, command) => deps.claimWorkflow.reject({ claimId: params.id, ...body }, command),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/resolve`, operationId: 'resolveClaim', tags, status: 200, permission: 'claims:manage',
      summary: 'Resolve an approved claim: repaired, or replaced by another serial',
      description:
        'Replaced: the replacement serial must exist, be available or allocated and have no active warranty (409 otherwise); ' +
        'the warranty moves to it with the same number and dates, it is sold to the consumer, and the old serial is retired. ' +
        'Safe to retry: a replacement interrupted part-way is finished by resolving again.',
      params: claimIdParams, body: resolveClaimBody, responses: changed,
    },
    ({ params, body }, command) =>
      deps.claimWorkflow.resolve(
        { claimId: params.id, outcome: body.outcome, replacementSerial: body.replacementSerial ?? null, notes: body.notes },
        command,
      ),
  ),
  commandRoute(
    deps,
    {
      method: 'post', path: `${path}/:id/assign`, operationId: 'assignClaim', tags, status: 200, permission: 'claims:manage',
      summary: 'Assign an open claim to an active admin, support agent or warehouse manager',
      params: claimIdParams, body: assignClaimBody, responses: changed,
    },
    ({ params, body }, command) => deps.claimWorkflow.assign({ claimId: params.id, ...body }, command),
  ),
];
