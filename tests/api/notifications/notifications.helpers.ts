import fs from 'node:fs';
import path from 'node:path';
import type { NotificationReactor } from '../../../src/application/notifications/notification-reactor';
import type { Opsledger } from '../../../src/main/opsledger';
import { TOKENS } from '../../../src/main/tokens';

/** Every .eml in `<outboxDir>/mail`, raw, oldest first. */
export const mailFiles = (outboxDir: string): string[] => {
  const dir = path.join(outboxDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
};

/** Every line of `<outboxDir>/sms.jsonl`. */
export const smsLines = (outboxDir: string): { to: string; template: string; text: string }[] => {
  const file = path.join(outboxDir, 'sms.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as { to: string; template: string; text: string });
};

export const reactorOf = (opsledger: Opsledger): NotificationReactor => opsledger.container.get<NotificationReactor>(TOKENS.notificationReactor);

/**
 * Waits until the reactor has handled every event stored so far, then until the read models include what it wrote;
 * returns the head position reached.
 */
export const settled = async (opsledger: Opsledger): Promise<number> => {
  await reactorOf(opsledger).waitFor(await opsledger.eventStore.headPosition());
  const head = await opsledger.eventStore.headPosition();
  await opsledger.runner.waitFor(head);
  return head;
};

/** The MIME part of a decoded message with the given content type. */
export const mimePart = (message: string, contentType: string): string => {
  const start = message.search(new RegExp(`^Content-Type: ${contentType.replace('/', '\\/')}`, 'mi'));
  if (start < 0) throw new Error(`No ${contentType} part in:\n${message}`);
  const rest = message.slice(start);
  const end = rest.search(/^--/m);
  return end < 0 ? rest : rest.slice(0, end);
};

/** The Subject header of a message, unfolded (long headers continue on indented lines). */
export const subjectOf = (message: string): string => /^Subject: (.*)$/m.exec(message.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? '';
