import type { Request, RequestHandler, Response } from 'express';
import express from 'express';
import multer from 'multer';
import { HttpProblemError, validationFailed } from './http-problem.error';
import type { UploadedFile, UploadSpec } from './route-definition';

const MULTIPART = 'multipart/form-data';

export type UploadReader = (req: Request, res: Response) => Promise<UploadedFile | undefined>;

const run = (middleware: RequestHandler, req: Request, res: Response): Promise<void> =>
  new Promise((resolve, reject) => {
    void middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });

const uploadProblem = (field: string, error: unknown): HttpProblemError => {
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return new HttpProblemError({ status: 413, code: 'request.payload_too_large', detail: 'The uploaded file is too large' });
  }
  // Everything else multer or busboy refuses is the client's form: a wrong field, several files, a broken part.
  return new HttpProblemError({
    status: 400,
    code: 'request.invalid_upload',
    detail: `Send one file in the multipart field "${field}"`,
  });
};

/**
 * Reads a file body once the caller is authorised: raw with an accepted media type, or one multipart field.
 * Nothing is written to disk; both ways are bounded by `maxBytes`. No body at all reads as no file.
 */
export const createUploadReader = (spec: UploadSpec): UploadReader => {
  const raw = express.raw({ type: [...spec.mediaTypes], limit: spec.maxBytes });
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: spec.maxBytes, files: 1, fields: 10, parts: 11 },
  }).single(spec.multipartField);

  return async (req, res) => {
    if (req.is(MULTIPART)) {
      await run(multipart, req, res).catch((error: unknown) => {
        throw uploadProblem(spec.multipartField, error);
      });
      return req.file
        ? { content: req.file.buffer, mediaType: req.file.mimetype, filename: req.file.originalname }
        : undefined;
    }
    if (!req.is([...spec.mediaTypes])) {
      throw new HttpProblemError({
        status: 415,
        code: 'request.unsupported_media_type',
        detail: `The request body must be ${[...spec.mediaTypes, MULTIPART].join(' or ')}`,
      });
    }
    await run(raw, req, res);
    const content: unknown = req.body;
    return Buffer.isBuffer(content) ? { content, mediaType: req.get('content-type') ?? spec.mediaTypes[0]!, filename: null } : undefined;
  };
};

export const missingUpload = (spec: UploadSpec): HttpProblemError =>
  validationFailed([
    {
      location: 'body',
      path: spec.multipartField,
      message: `Send the file as the body (${spec.mediaTypes.join(' or ')}) or as the multipart field "${spec.multipartField}"`,
    },
  ]);

/** The file of a route that declares `upload`: the route handler has already refused a request without one. */
export const uploadedFile = (file: UploadedFile | undefined): UploadedFile => {
  if (!file) throw new Error('uploadedFile() called on a route without `upload`');
  return file;
};
