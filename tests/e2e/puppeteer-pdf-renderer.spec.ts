import puppeteer, { type Browser, type LaunchOptions, type Target } from 'puppeteer';
import { isDomainError } from '../../src/domain/shared/domain-error';
import { PuppeteerPdfRenderer } from '../../src/infrastructure/documents/puppeteer-pdf-renderer';

// Chromium printing next to other suites on a busy machine: a budget, not an assertion about speed.
jest.setTimeout(60_000);

/** Enough text for several printed pages, so each render keeps its page open a while. */
const longDocument = (title: string) =>
  `<!DOCTYPE html><html><body><h1>${title}</h1>${'<p>Lithovolt warranty terms and conditions apply. </p>'.repeat(600)}</body></html>`;

/** Launches real Chromium through puppeteer and counts the pages the renderer has open at any moment. */
const watchedLauncher = () => {
  const browsers: Browser[] = [];
  const open = new Set<Target>();
  let mostOpen = 0;
  const launch = async (options: LaunchOptions) => {
    const browser = await puppeteer.launch(options);
    browsers.push(browser);
    browser.on('targetcreated', (target: Target) => {
      if (target.type() !== 'page') return;
      open.add(target);
      mostOpen = Math.max(mostOpen, open.size);
    });
    browser.on('targetdestroyed', (target: Target) => open.delete(target));
    return browser;
  };
  return { launch, browsers, openPages: () => open.size, mostOpen: () => mostOpen };
};

describe('PuppeteerPdfRenderer (real Chromium)', () => {
  const watch = watchedLauncher();
  const renderer = new PuppeteerPdfRenderer({ maxPages: 2, launch: watch.launch });
  afterAll(() => renderer.close());

  it('prints parallel requests with at most PDF_MAX_PAGES pages open, in one browser, and closes every page', async () => {
    const pdfs = await Promise.all(Array.from({ length: 6 }, (_, i) => renderer.render(longDocument(`Document ${i}`))));

    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(watch.mostOpen()).toBe(2);
    expect(watch.openPages()).toBe(0);
    expect(watch.browsers).toHaveLength(1);
  });

  it('launches a new browser after the old one died', async () => {
    watch.browsers[0]!.process()!.kill('SIGKILL');
    await new Promise<void>((resolve) => (watch.browsers[0]!.connected ? watch.browsers[0]!.once('disconnected', () => resolve()) : resolve()));

    const pdf = await renderer.render('<p>after a crash</p>');

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(watch.browsers).toHaveLength(2);
  });

  it('closes its browser on close(), and refuses to render afterwards', async () => {
    await renderer.close();

    expect(watch.browsers.every((browser) => !browser.connected)).toBe(true);
    const error = await renderer.render('<p>too late</p>').catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('pdf.browser_unavailable');
  });
});

describe('PuppeteerPdfRenderer without a browser', () => {
  it('fails with pdf.browser_unavailable and tries again on the next render', async () => {
    let launches = 0;
    const renderer = new PuppeteerPdfRenderer({
      executablePath: '/nonexistent/chromium',
      maxPages: 1,
      launch: (options: LaunchOptions) => {
        launches += 1;
        return puppeteer.launch(options);
      },
    });

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await renderer.render('<p>x</p>').catch((e: unknown) => e);
      expect(isDomainError(error) && [error.kind, error.code]).toEqual(['unavailable', 'pdf.browser_unavailable']);
    }
    expect(launches).toBe(2);
    await renderer.close();
  });
});
