/**
 * Renders HTML documents and pages from named templates, e.g. `documents/warranty-certificate` or `pages/verify`.
 * Every value is HTML-escaped; only values marked with `trustedHtml` (markup the service made itself) are not.
 */
export interface DocumentTemplates {
  renderHtml(name: string, data: Readonly<Record<string, unknown>>): Promise<string>;
}

/** Markup the service generated itself (a QR code's SVG), never user data: templates insert it unescaped. */
export interface TrustedHtml {
  readonly trustedHtml: string;
}

export const trustedHtml = (html: string): TrustedHtml => ({ trustedHtml: html });
