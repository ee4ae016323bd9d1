import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trustedHtml } from '../../../../src/application/shared/ports/document-template.port';
import { HandlebarsDocumentTemplates } from '../../../../src/infrastructure/documents/handlebars-document-templates';

describe('HandlebarsDocumentTemplates', () => {
  let dir: string;
  let templates: HandlebarsDocumentTemplates;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'document-templates-'));
    fs.mkdirSync(path.join(dir, 'pages'));
    fs.writeFileSync(path.join(dir, 'pages', 'sample.hbs'), '<h1>{{name}}</h1>{{#if qr}}{{trusted qr}}{{/if}}');
    templates = new HandlebarsDocumentTemplates(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('escapes every value', async () => {
    const html = await templates.renderHtml('pages/sample', { name: '<script>alert("x")</script>', qr: null });

    expect(html).toBe('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
  });

  it('inserts markup only when it was marked trusted', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';

    expect(await templates.renderHtml('pages/sample', { name: 'QR', qr: trustedHtml(svg) })).toBe(`<h1>QR</h1>${svg}`);
    await expect(templates.renderHtml('pages/sample', { name: 'QR', qr: svg })).rejects.toThrow(/trustedHtml/);
  });

  it('refuses a missing variable, a missing template and a name outside documents/ and pages/', async () => {
    await expect(templates.renderHtml('pages/sample', { qr: null })).rejects.toThrow(/name/);
    await expect(templates.renderHtml('pages/absent', {})).rejects.toThrow(/not found/);
    await expect(templates.renderHtml('../pages/sample', {})).rejects.toThrow(/Invalid document template name/);
    await expect(templates.renderHtml('mail/welcome', {})).rejects.toThrow(/Invalid document template name/);
  });

  it('renders the shipped verify page and certificate templates', async () => {
    const shipped = new HandlebarsDocumentTemplates();
    const common = { serial: 'LV24A000123K', model: null, warrantyNumber: null, replacementSerial: null, startsOn: null, endsOn: null, consumer: null };

    expect(await shipped.renderHtml('pages/verify', { ...common, state: 'none', status: 'No warranty registered', typo: false, styleNonce: 'n0nce' }))
      .toContain('<style nonce="n0nce">');
    const certificate = await shipped.renderHtml('documents/warranty-certificate', {
      ...common,
      warrantyNumber: 'WR-7K3M-9QXT',
      consumer: { name: 'A <b>', phone: null, email: null },
      startsOn: '1 May 2026',
      endsOn: '1 May 2028',
      status: 'Active',
      active: true,
      qr: trustedHtml('<svg></svg>'),
      verifyUrl: 'https://x.example/verify/LV24A000123K',
    });
    expect(certificate).toContain('A &lt;b&gt;');
    expect(certificate).not.toMatch(/(src|href)=["']?https?:/);
  });
});
