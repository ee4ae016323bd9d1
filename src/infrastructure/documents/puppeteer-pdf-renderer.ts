import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer';
import type { PdfRenderer } from '../../application/shared/ports/pdf-renderer.port';
import { unavailable } from '../../domain/shared/domain-error';
import { Semaphore } from './semaphore';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface PuppeteerPdfRendererOptions {
  /** A Chromium or Chrome binary; default /usr/bin/chromium when it exists, else the browser puppeteer installed. */
  readonly executablePath?: string | undefined;
  /** Pages printing at once; more renders wait their turn. */
  readonly maxPages: number;
  /** Replaces puppeteer.launch (tests watch the browser it returns). */
  readonly launch?: (options: LaunchOptions) => Promise<Browser>;
}

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];

const browserUnavailable = (cause: unknown, executablePath: string | undefined) =>
  unavailable('pdf.browser_unavailable', 'PDF documents cannot be made right now: no browser could be started to print them', {
    executablePath: executablePath ?? 'puppeteer default',
    reason: cause instanceof Error ? cause.message.split('\n')[0] : String(cause),
  });

/**
 * Prints HTML to A4 PDF in Chromium. One browser is launched on the first render and reused (a fresh launch costs
 * far more than a page); if it crashes or disconnects the next render launches another. A semaphore bounds the open
 * pages, since each one holds a renderer process. Pages run without JavaScript and without network: documents are
 * self-contained, and user data in them must never be able to fetch anything.
 */
export class PuppeteerPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private readonly pages: Semaphore;
  private closed = false;

  constructor(private readonly options: PuppeteerPdfRendererOptions) {
    this.pages = new Semaphore(options.maxPages);
  }

  render(html: string): Promise<Buffer> {
    return this.pages.run(async () => {
      const browser = await this.browserOrFail();
      const page = await browser.newPage();
      try {
        await page.setJavaScriptEnabled(false);
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (request.url().startsWith('data:')) void request.continue();
          else void request.abort('blockedbyclient');
        });
        await page.setContent(html, { waitUntil: 'load' });
        return Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } finally {
        await page.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close().catch(() => undefined);
  }

  private async browserOrFail(): Promise<Browser> {
    if (this.closed) throw browserUnavailable(new Error('the PDF renderer is closed'), this.options.executablePath);
    this.browser ??= this.launch();
    return this.browser;
  }

  private launch(): Promise<Browser> {
    const executablePath = this.options.executablePath ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
    const launch = this.options.launch ?? ((options: LaunchOptions) => puppeteer.launch(options));
    const launching = launch({ executablePath, headless: true, args: LAUNCH_ARGS }).then(
      (browser) => {
        // A crashed or killed browser is forgotten, so the next render launches a fresh one.
        browser.once('disconnected', () => {
          if (this.browser === launching) this.browser = undefined;
        });
        return browser;
      },
      (error: unknown) => {
        // A failed launch is not cached: the binary may be installed (or memory freed) before the next request.
        if (this.browser === launching) this.browser = undefined;
        throw browserUnavailable(error, executablePath);
      },
    );
    return launching;
  }
}
