import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { WarrantyVerificationPage } from '../../../application/warranty/verification-page';
import { awaitReadSide, type ReadSide } from '../common/read-side';
import { defineRoute, type RouteDefinition } from '../shared';

export interface VerifyPageHttpDependencies {
  readonly verificationPage: WarrantyVerificationPage;
  readonly readSide: ReadSide;
}

// Any text reaches the handler, so a malformed serial gets an HTML page too rather than problem+json.
const pageParams = z.object({ serial: z.string().max(200) });

/**
 * Nothing may load but the page's own style block (by nonce): no scripts, images, fonts, frames or forms.
 * Even if escaping ever failed, injected markup could neither run nor phone home.
 */
const contentSecurityPolicy = (nonce: string): string =>
  [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export const verifyPageRoutes = (deps: VerifyPageHttpDependencies): RouteDefinition[] => [
  defineRoute({
    method: 'get', path: '/verify/:serial', operationId: 'verifyWarrantyPage', tags: ['pages'], permission: 'public',
    summary: 'Public page: a serial’s warranty in words (what a QR code opens)',
    description: 'HTML for people; programs use GET /api/warranty/verify/{serial}. Unknown serials answer a 404 page.',
    params: pageParams,
    responses: {
      200: { description: 'The serial’s coverage', contentType: 'text/html', schema: z.string() },
      400: { description: 'Not a serial number (an HTML page)', contentType: 'text/html', schema: z.string() },
      404: { description: 'Unknown serial (an HTML page)', contentType: 'text/html', schema: z.string() },
    },
    handler: async ({ params, context }) => {
      await awaitReadSide(deps.readSide, context);
      const nonce = randomBytes(16).toString('base64');
      const page = await deps.verificationPage.render(params.serial, nonce);
      return {
        status: page.status,
        contentType: 'text/html; charset=utf-8',
        body: page.html,
        headers: {
          'Content-Security-Policy': contentSecurityPolicy(nonce),
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          // Coverage changes (void, expiry): a phone must not show yesterday's answer.
          'Cache-Control': 'no-store',
        },
      };
    },
  }),
];
