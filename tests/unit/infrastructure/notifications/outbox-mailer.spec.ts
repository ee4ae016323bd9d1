import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../../../src/application/shared/ports/clock.port';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/notifications/handlebars-template-renderer';
import { OutboxMailer } from '../../../../src/infrastructure/notifications/outbox-mailer';

const FROM = 'opsledger <no-reply@opsledger.local>';
const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
const renderer = new HandlebarsTemplateRenderer();
const resetMail = {
  to: 'wanjiru@example.com',
  template: 'password-reset',
  data: { name: 'Wanjiru', code: '482913', expiresInMinutes: 15, resetUrl: null },
};

describe('OutboxMailer', () => {
  let outboxDir: string;

  beforeEach(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), 'opsledger-outbox-mail-'));
  });

  afterEach(async () => {
    await rm(outboxDir, { recursive: true, force: true });
  });

  it('writes the message as an .eml file named by time and message id', async () => {
    const mailer = new OutboxMailer({ outboxDir, from: FROM, renderer, clock: fixedClock('2026-03-04T05:06:07.089Z') });

    const { messageId } = await mailer.send(resetMail);

    expect(messageId).toMatch(/^<[^<>\s]+@opsledger\.local>$/);
    const safeId = messageId.replace(/[<>]/g, '').replace('@', '-');
    expect(await readdir(path.join(outboxDir, 'mail'))).toEqual([`2026-03-04T05-06-07.089Z-${safeId}.eml`]);
  });

  it('writes a MIME message with the headers and both parts', async () => {
    const mailer = new OutboxMailer({ outboxDir, from: FROM, renderer });

    const { messageId } = await mailer.send(resetMail);

    const [file] = await readdir(path.join(outboxDir, 'mail'));
    const raw = await readFile(path.join(outboxDir, 'mail', file ?? ''), 'utf8');
    const endOfHeaders = raw.indexOf('\r\n\r\n');
    expect(endOfHeaders).toBeGreaterThan(0);
    const headers = `${raw.slice(0, endOfHeaders)}\r\n`;
    const body = raw.slice(endOfHeaders);
    expect(headers).toContain(`From: ${FROM}\r\n`);
    expect(headers).toContain('To: wanjiru@example.com\r\n');
    expect(headers).toContain('Subject: Your opsledger password reset code\r\n');
    expect(headers).toContain(`Message-ID: ${messageId}\r\n`);
    expect(headers).toContain('MIME-Version: 1.0\r\n');
    expect(headers).toMatch(/Content-Type: multipart\/alternative;\r\n boundary="([^"]+)"/);
    const boundary = /boundary="([^"]+)"/.exec(headers)?.[1] ?? '';
    const parts = body.split(`--${boundary}`);
    // preamble, text, html, and the closing "--"
    expect(parts).toHaveLength(4);
    expect(parts[1]).toContain('Content-Type: text/plain; charset=utf-8');
    expect(parts[1]).toContain('Your reset code is: 482913');
    expect(parts[2]).toContain('Content-Type: text/html; charset=utf-8');
    expect(parts[2]).toContain('482913</p>');
    expect(parts[3]?.startsWith('--')).toBe(true);
    // Every line ends in CRLF, as RFC 5322 asks.
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps one file per message and no temporary files', async () => {
    const mailer = new OutboxMailer({ outboxDir, from: FROM, renderer, clock: fixedClock('2026-03-04T05:06:07.089Z') });

    const sent = await Promise.all([mailer.send(resetMail), mailer.send({ ...resetMail, template: 'welcome', data: { name: 'Otieno' } })]);

    const files = await readdir(path.join(outboxDir, 'mail'));
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.eml') && !file.startsWith('.'))).toBe(true);
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(2);
  });

  it('reports mail.unavailable when the outbox cannot be written', async () => {
    const blocked = path.join(outboxDir, 'not-a-folder');
    await writeFile(blocked, '');
    const mailer = new OutboxMailer({ outboxDir: blocked, from: FROM, renderer });

    const error: unknown = await mailer.send(resetMail).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'mail.unavailable' });
    expect((error as Error).message).toMatch(/^The mail could not be written to the outbox \(E[A-Z]+\)$/);
  });
});
