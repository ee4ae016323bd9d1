import { z } from 'zod';
import type { WarrantyDocuments } from '../../../application/warranty/warranty-documents';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { defineRoute, type RouteDefinition } from '../shared';
import { warrantyIdParams } from './warranty.schemas';

export interface WarrantyDocumentsHttpDependencies {
  readonly warrantyDocuments: WarrantyDocuments;
  readonly readSide: ReadSide;
}

const tags = ['warranty'];
const binary = z.string().meta({ format: 'binary' });

export const warrantyDocumentRoutes = (deps: WarrantyDocumentsHttpDependencies): RouteDefinition[] => [
  defineRoute({
    method: 'get', path: '/api/warranty/:id/qr.svg', operationId: 'getWarrantyQrSvg', tags, permission: 'warranty:read',
    summary: 'QR code (SVG) of the warranty’s public verification page',
    description: 'The code encodes PUBLIC_BASE_URL/verify/{serial}.',
    params: warrantyIdParams,
    responses: { 200: { description: 'An SVG image', contentType: 'image/svg+xml', schema: z.string() } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, contentType: 'image/svg+xml', body: await deps.warrantyDocuments.qrSvg(params.id) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/warranty/:id/qr.png', operationId: 'getWarrantyQrPng', tags, permission: 'warranty:read',
    summary: 'QR code (PNG) of the warranty’s public verification page',
    description: 'The code encodes PUBLIC_BASE_URL/verify/{serial}.',
    params: warrantyIdParams,
    responses: { 200: { description: 'A PNG image', contentType: 'image/png', schema: binary } },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      return { status: 200, contentType: 'image/png', body: await deps.warrantyDocuments.qrPng(params.id) };
    },
  }),
  defineRoute({
    method: 'get', path: '/api/warranty/:id/certificate', operationId: 'getWarrantyCertificate', tags, permission: 'warranty:read',
    summary: 'The warranty certificate as a printable A4 PDF',
    description: 'Printed by Chromium; 503 pdf.browser_unavailable when no browser can be started.',
    params: warrantyIdParams,
    responses: {
      200: {
        description: 'The certificate',
        contentType: 'application/pdf',
        schema: binary,
        headers: { 'Content-Disposition': { description: 'attachment; filename="warranty-<number>.pdf"', schema: { type: 'string' } } },
      },
      503: { description: 'No browser could be started to print the PDF' },
    },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      const certificate = await deps.warrantyDocuments.certificate(params.id);
      return {
        status: 200,
        contentType: 'application/pdf',
        body: certificate.pdf,
        headers: { 'Content-Disposition': `attachment; filename="${certificate.filename}"` },
      };
    },
  }),
];
