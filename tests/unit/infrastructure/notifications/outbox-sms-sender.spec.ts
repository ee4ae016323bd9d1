import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../../../src/application/shared/ports/clock.port';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/notifications/handlebars-template-renderer';
import { OutboxSmsSender } from '../../../../src/infrastructure/notifications/outbox-sms-sender';

const renderer = new HandlebarsTemplateRenderer();
const clock: Clock = { now: () => new Date('2026-05-06T07:08:09.010Z') };

describe('OutboxSmsSender', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opsledger-outbox-sms-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one JSON line per message, creating the folder', async () => {
    const outboxDir = path.join(dir, 'nested', 'outbox');
    const sender = new OutboxSmsSender({ outboxDir, renderer, clock });

    const first = await sender.send({ to: '+254712345678', template: 'otp-login', data: { code: '90210', expiresInMinutes: 5 } });
    const second = await sender.send({ to: '+254722000111', template: 'password-reset', data: { code: '31415', expiresInMinutes: 10 } });

    const lines = (await readFile(path.join(outboxDir, 'sms.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines.slice(0, 2).map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        to: '+254712345678',
        template: 'otp-login',
        text: 'Your opsledger login code is 90210. It expires in 5 minutes. Never share this code with anyone.',
        at: '2026-05-06T07:08:09.010Z',
      },
      {
        to: '+254722000111',
        template: 'password-reset',
        text: 'Your opsledger password reset code is 31415. It expires in 10 minutes. If you did not ask for it, ignore this message.',
        at: '2026-05-06T07:08:09.010Z',
      },
    ]);
    expect(first.messageId).toEqual(expect.any(String));
    expect(second.messageId).toEqual(expect.any(String));
    expect(first.messageId).not.toBe(second.messageId);
  });

  it('keeps every line whole when messages are sent at once', async () => {
    const sender = new OutboxSmsSender({ outboxDir: dir, renderer });

    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sender.send({ to: `+2547000000${String(i).padStart(2, '0')}`, template: 'otp-login', data: { code: String(100000 + i), expiresInMinutes: 5 } }),
      ),
    );

    const lines = (await readFile(path.join(dir, 'sms.jsonl'), 'utf8')).trimEnd().split('\n');
    const recipients = lines.map((line) => (JSON.parse(line) as { to: string }).to).sort();
    expect(recipients).toEqual(Array.from({ length: 20 }, (_, i) => `+2547000000${String(i).padStart(2, '0')}`));
  });

  it('reports sms.unavailable when the outbox cannot be written', async () => {
    const blocked = path.join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    const sender = new OutboxSmsSender({ outboxDir: blocked, renderer });

    const error: unknown = await sender
      .send({ to: '+254712345678', template: 'otp-login', data: { code: '90210', expiresInMinutes: 5 } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unavailable', code: 'sms.unavailable' });
    expect((error as Error).message).not.toContain('90210');
  });
});
