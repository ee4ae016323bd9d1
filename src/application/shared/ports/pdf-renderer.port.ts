/** Prints a self-contained HTML document to PDF. */
export interface PdfRenderer {
  /** Throws an `unavailable` DomainError (`pdf.browser_unavailable`) when no browser can print it. */
  render(html: string): Promise<Buffer>;
  /** Releases the browser; later renders fail with `pdf.browser_unavailable`. */
  close(): Promise<void>;
}
