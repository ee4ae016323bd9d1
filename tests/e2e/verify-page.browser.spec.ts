import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import puppeteer, { type Browser, type HTTPResponse, type Page } from 'puppeteer';
import { AdjustableClock } from '../support/adjustable-clock';
import { seedModelWithSerials, startTestApp, type TestApp } from '../support/test-app';
import { activate } from '../api/warranty/warranty.helpers';

jest.setTimeout(60_000);

interface Visit {
  readonly response: HTTPResponse;
  readonly status: string;
  readonly text: string;
  readonly problems: string[];
}

/**
 * The page a QR code opens, in a real Chromium on a phone-sized screen, over a real port: what a customer sees, and
 * that the browser found nothing wrong with it (no console error, no page error, no CSP violation).
 */
describe('GET /verify/:serial in Chromium', () => {
  const clock = new AdjustableClock('2026-03-02T09:00:00Z');
  let app: TestApp;
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let position = 0;
  const serials = { active: '', expired: '', none: '' };
  let activeNumber = '';

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    server = app.opsledger.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });

    const longLived = await seedModelWithSerials(app, 2, { name: 'PowerCell 200', warrantyMonths: 24 });
    const shortLived = await seedModelWithSerials(app, 1, { name: 'Starter 40', warrantyMonths: 1 });
    const active = await activate(app, longLived.serials[0]!, { name: 'Achieng Otieno', phone: '+254712345678' }).expect(201);
    const expired = await activate(app, shortLived.serials[0]!, { name: 'Brian Kamau', email: 'brian@mail.example' }).expect(201);
    [serials.active, serials.expired, serials.none] = [longLived.serials[0]!, shortLived.serials[0]!, longLived.serials[1]!];
    activeNumber = active.body.warrantyNumber as string;
    position = Math.max(active.body.position as number, expired.body.position as number);
    // One month of cover ends long before two years of it: move past the first, well inside the second.
    clock.advanceDays(45);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
  });

  const visit = async (serial: string): Promise<Visit> => {
    const page: Page = await browser.newPage();
    const problems: string[] = [];
    try {
      await page.setViewport({ width: 375, height: 740, isMobile: true, hasTouch: true });
      await page.setExtraHTTPHeaders({ 'Opsledger-Min-Position': String(position) });
      page.on('pageerror', (error) => problems.push(`pageerror: ${(error as Error).message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium reports every 4xx document as "Failed to load resource" against the document's own URL; for the
        // 404 and 400 pages that is the status under test, not a fault. Any other error (CSP, a missing resource) counts.
        const ownStatus = /^Failed to load resource: the server responded with a status of (400|404)/.test(message.text()) &&
          message.location().url === `${baseUrl}/verify/${encodeURIComponent(serial)}`;
        if (!ownStatus) problems.push(`console: ${message.text()} (${message.location().url ?? ''})`);
      });
      const response = await page.goto(`${baseUrl}/verify/${encodeURIComponent(serial)}`, { waitUntil: 'load' });
      if (!response) throw new Error('no response');
      const status = await page.$eval('#status', (el) => el.textContent?.trim() ?? '');
      // innerText: what is rendered visible, as a reader sees it (the spec compiles without the DOM lib).
      const text = await page.$eval('body', (el) => (el as unknown as { innerText: string }).innerText);
      const viewport = await page.$eval('meta[name="viewport"]', (el) => el.getAttribute('content'));
      expect(viewport).toBe('width=device-width, initial-scale=1');
      // Mobile friendly: nothing wider than the phone's screen.
      expect(await page.$eval('html', (el) => el.scrollWidth)).toBeLessThanOrEqual(375);
      return { response, status, text, problems };
    } finally {
      await page.close();
    }
  };

  it('shows an active warranty: status, model, dates, warranty number and a masked owner', async () => {
    const page = await visit(serials.active);

    expect(page.response.status()).toBe(200);
    expect(page.response.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(page.response.headers()['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.status).toBe('Active');
    for (const expected of [serials.active, 'PowerCell 200', activeNumber, '2 March 2026', '2 March 2028', '**********678']) {
      expect(page.text).toContain(expected);
    }
    expect(page.text).not.toContain('Achieng');
    expect(page.problems).toEqual([]);
  });

  it('shows an expired warranty once the clock passes its end', async () => {
    const page = await visit(serials.expired);

    expect(page.response.status()).toBe(200);
    expect(page.status).toBe('Expired');
    expect(page.text).toContain('2 April 2026');
    expect(page.problems).toEqual([]);
  });

  it('shows a known serial without a warranty', async () => {
    const page = await visit(serials.none);

    expect(page.response.status()).toBe(200);
    expect(page.status).toBe('No warranty registered');
    expect(page.text).toContain('PowerCell 200');
    expect(page.problems).toEqual([]);
  });

  it('answers an unknown serial with a 404 page, not JSON', async () => {
    const page = await visit('ZZ0000000000X');

    expect(page.response.status()).toBe(404);
    expect(page.response.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(page.status).toBe('Unknown serial');
    expect(page.problems).toEqual([]);
  });

  it('answers a malformed serial with a 400 page that shows it escaped', async () => {
    const page = await visit('<img src=x onerror=alert(1)>');

    expect(page.response.status()).toBe(400);
    expect(page.status).toBe('Not a serial number');
    expect(page.text).toContain('<img src=x');
    expect(page.problems).toEqual([]);
  });
});
