import QRCode from 'qrcode';
import { QrcodeGenerator } from '../../../../src/infrastructure/documents/qrcode-generator';
import { expectedModules, pngModules, svgModules } from '../../../support/qr-modules';

const URL = 'https://warranty.lithovolt.example/verify/LV24A000123K';

describe('QrcodeGenerator', () => {
  const qr = new QrcodeGenerator();

  it('draws an SVG whose modules are those of the text', async () => {
    const svg = await qr.svg(URL);

    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgModules(svg)).toEqual(expectedModules(URL));
  });

  it('draws a PNG whose modules are those of the text', async () => {
    const png = await qr.png(URL);

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngModules(png)).toEqual(expectedModules(URL));
  });

  // Guards the readers themselves: they must tell two texts apart and not depend on margin or scale.
  it('reads back other margins and scales, and tells different texts apart', async () => {
    const svg = await QRCode.toString(URL, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const png = await QRCode.toBuffer(URL, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 3 });

    expect(svgModules(svg)).toEqual(expectedModules(URL));
    expect(pngModules(png)).toEqual(expectedModules(URL));
    expect(svgModules(await qr.svg(`${URL}X`))).not.toEqual(expectedModules(URL));
  });
});
