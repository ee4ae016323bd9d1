import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { HttpProblemError } from './http-problem.error';
import type { MultipartSpec, UploadedFile } from './route-definition';

export const MULTIPART_FORM = 'multipart/form-data';

/** Text fields a form may carry besides its files (they are validated by the route's body schema). */
const MAX_FIELDS = 20;

const formProblem = (spec: MultipartSpec, error: unknown): HttpProblemError => {
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return new HttpProblemError({
      status: 413,
      code: 'request.payload_too_large',
      detail: `A file in "${spec.fileField}" is larger than ${spec.maxFileBytes} bytes`,
    });
  }
  // A file in another field, too many files or fields, a broken part: the client's form is wrong.
  return new HttpProblemError({
    status: 400,
    code: 'request.invalid_upload',
    detail: `Send at most ${spec.maxFiles} files in the multipart field "${spec.fileField}", beside text fields`,
  });
};

export type MultipartReader = (req: Request, res: Response) => Promise<UploadedFile[]>;

/**
 * Reads a multipart/form-data body in memory, bounded per file and in count: the files of `spec.fileField`, and the
 * text fields left in `req.body` for the route's body schema.
 */
export const createMultipartReader = (spec: MultipartSpec): MultipartReader => {
  const middleware: RequestHandler = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: spec.maxFileBytes, files: spec.maxFiles, fields: MAX_FIELDS, parts: spec.maxFiles + MAX_FIELDS },
  }).array(spec.fileField, spec.maxFiles);
  return async (req, res) => {
    await new Promise<void>((resolve, reject) => {
      void middleware(req, res, (error?: unknown) => (error ? reject(formProblem(spec, error)) : resolve()));
    });
    const files = (req.files ?? []) as Express.Multer.File[];
    return files.map((file) => ({ content: file.buffer, mediaType: file.mimetype, filename: file.originalname }));
  };
};
