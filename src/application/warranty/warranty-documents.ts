import { BATTERY_MODELS, type BatteryModelView } from '../inventory/inventory.read-model';
import type { DocumentStore } from '../shared/ports/document-store.port';
import { trustedHtml, type DocumentTemplates } from '../shared/ports/document-template.port';
import type { PdfRenderer } from '../shared/ports/pdf-renderer.port';
import type { QrCodeGenerator } from '../shared/ports/qr-code.port';
import type { WarrantyDetails, WarrantyQueries } from './warranty.queries';
import { COVERAGE_WORDS, longDate, verifyUrl } from './warranty-presentation';

export interface WarrantyCertificate {
  readonly filename: string;
  readonly pdf: Buffer;
}

export interface WarrantyDocumentServices {
  readonly warranties: WarrantyQueries;
  readonly documents: DocumentStore;
  readonly qrCodes: QrCodeGenerator;
  readonly templates: DocumentTemplates;
  readonly pdf: PdfRenderer;
  /** Where the public verification page is reached, e.g. https://warranty.lithovolt.example. */
  readonly publicBaseUrl: string;
}

/** A warranty's printable documents: QR codes that lead to its public verification page, and its PDF certificate. */
export class WarrantyDocuments {
  constructor(private readonly services: WarrantyDocumentServices) {}

  async qrSvg(warrantyId: string): Promise<string> {
    return this.services.qrCodes.svg(await this.verifyUrlOf(warrantyId));
  }

  async qrPng(warrantyId: string): Promise<Buffer> {
    return this.services.qrCodes.png(await this.verifyUrlOf(warrantyId));
  }

  async certificate(warrantyId: string): Promise<WarrantyCertificate> {
    const warranty = await this.services.warranties.get(warrantyId);
    const url = verifyUrl(this.services.publicBaseUrl, warranty.serial);
    const [model, qr] = await Promise.all([
      this.services.documents.get<BatteryModelView>(BATTERY_MODELS, warranty.modelId),
      this.services.qrCodes.svg(url),
    ]);
    const html = await this.services.templates.renderHtml('documents/warranty-certificate', certificateData(warranty, model, qr, url));
    // The number is [A-Z0-9-] today; the filter keeps the header safe whatever older numbers hold.
    return { filename: `warranty-${warranty.warrantyNumber.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`, pdf: await this.services.pdf.render(html) };
  }

  private async verifyUrlOf(warrantyId: string): Promise<string> {
    const warranty = await this.services.warranties.get(warrantyId);
    return verifyUrl(this.services.publicBaseUrl, warranty.serial);
  }
}

const certificateData = (warranty: WarrantyDetails, model: BatteryModelView | null, qrSvg: string, url: string) => ({
  warrantyNumber: warranty.warrantyNumber,
  serial: warranty.serial,
  model: model ? { name: model.name, sku: model.sku, capacityAh: model.capacityAh, voltage: model.voltage } : null,
  consumer: warranty.consumer,
  startsOn: longDate(warranty.startsOn),
  endsOn: longDate(warranty.endsOn),
  status: COVERAGE_WORDS[warranty.coverage],
  active: warranty.coverage === 'active',
  qr: trustedHtml(qrSvg),
  verifyUrl: url,
});
