import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';
import type { QrCodeGenerator } from '../../application/shared/ports/qr-code.port';

export interface QrCodeOptions {
  /** 'M' survives a scuffed label (about 15% of the code) and keeps a URL's code small. */
  readonly errorCorrectionLevel: QRCodeErrorCorrectionLevel;
  /** The quiet zone, in modules; scanners need 4. */
  readonly margin: number;
  /** PNG pixels per module. */
  readonly scale: number;
}

export const DEFAULT_QR_OPTIONS: QrCodeOptions = { errorCorrectionLevel: 'M', margin: 4, scale: 8 };

/** QR codes drawn by the `qrcode` package: SVG for documents and pages, PNG for labels and apps. */
export class QrcodeGenerator implements QrCodeGenerator {
  constructor(private readonly options: QrCodeOptions = DEFAULT_QR_OPTIONS) {}

  svg(text: string): Promise<string> {
    const { errorCorrectionLevel, margin } = this.options;
    return QRCode.toString(text, { type: 'svg', errorCorrectionLevel, margin });
  }

  png(text: string): Promise<Buffer> {
    const { errorCorrectionLevel, margin, scale } = this.options;
    return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel, margin, scale });
  }
}
