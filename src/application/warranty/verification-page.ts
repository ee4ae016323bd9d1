import { isWellFormedSerial, normaliseSerial } from '../../domain/inventory/serial-code';
import { isDomainError } from '../../domain/shared/domain-error';
import type { DocumentTemplates } from '../shared/ports/document-template.port';
import type { WarrantyQueries, WarrantyVerification } from './warranty.queries';
import { COVERAGE_WORDS, longDate } from './warranty-presentation';

export interface RenderedPage {
  readonly status: 200 | 400 | 404;
  readonly html: string;
}

/** What may stand in a serial at all; anything else is not worth a lookup. */
const SERIAL_SHAPE = /^[0-9A-Z]{3,40}$/;

/**
 * The public page a QR code opens: a serial's coverage in words, for people rather than programs. Failures are pages
 * too (400, 404), never problem+json: whoever scanned a label reads them on a phone.
 */
export class WarrantyVerificationPage {
  constructor(
    private readonly warranties: WarrantyQueries,
    private readonly templates: DocumentTemplates,
  ) {}

  /** `styleNonce` lets the page's one inline style block through a Content-Security-Policy that allows nothing else. */
  async render(serialInput: string, styleNonce: string): Promise<RenderedPage> {
    const serial = normaliseSerial(serialInput);
    if (!SERIAL_SHAPE.test(serial)) {
      return this.page(400, { state: 'invalid', status: 'Not a serial number', serial: serialInput.slice(0, 40), styleNonce });
    }
    const verification = await this.verification(serial);
    if (!verification) {
      // A failed check character means a mistyped serial, not merely one we never made: say so.
      const typo = !isWellFormedSerial(serial);
      return this.page(404, { state: 'unknown', status: 'Unknown serial', serial, typo, styleNonce });
    }
    return this.page(200, { ...this.details(verification), styleNonce });
  }

  private async verification(serial: string): Promise<WarrantyVerification | null> {
    try {
      return await this.warranties.verify(serial);
    } catch (error) {
      if (isDomainError(error) && error.code === 'serial.not_found') return null;
      throw error;
    }
  }

  private details(verification: WarrantyVerification) {
    return {
      state: verification.status,
      status: COVERAGE_WORDS[verification.status],
      serial: verification.serial,
      model: verification.model,
      warrantyNumber: verification.warrantyNumber,
      replacementSerial: verification.replacementSerial,
      startsOn: verification.startsOn ? longDate(verification.startsOn) : null,
      endsOn: verification.endsOn ? longDate(verification.endsOn) : null,
      consumer: verification.consumer,
      typo: false,
    };
  }

  private async page(status: RenderedPage['status'], data: Readonly<Record<string, unknown>>): Promise<RenderedPage> {
    const defaults = { model: null, warrantyNumber: null, replacementSerial: null, startsOn: null, endsOn: null, consumer: null, typo: false };
    return { status, html: await this.templates.renderHtml('pages/verify', { ...defaults, ...data }) };
  }
}
