/** Draws QR codes; the text is encoded as given (a URL, usually). */
export interface QrCodeGenerator {
  /** A self-contained `<svg>` element, safe to inline in an HTML document. */
  svg(text: string): Promise<string>;
  png(text: string): Promise<Buffer>;
}
