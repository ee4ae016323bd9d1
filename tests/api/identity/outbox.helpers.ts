import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from '../../support/test-app';

/** What the development SMS adapter appended to `<dataDir>/outbox/sms.jsonl`. */
export interface SentSms {
  readonly to: string;
  readonly template: string;
  readonly text: string;
  readonly at: string;
}

const outboxOf = (app: TestApp) => path.join(app.dataDir, 'outbox');

export const smsSentTo = (app: TestApp, phone: string): SentSms[] => {
  const file = path.join(outboxOf(app), 'sms.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as SentSms)
    .filter((sms) => sms.to === phone);
};

/** The six digits of the newest SMS to the phone (with the template it was built from). */
export const lastSmsCode = (app: TestApp, phone: string, template: string): string => {
  const last = smsSentTo(app, phone).at(-1);
  expect(last?.template).toBe(template);
  const code = /code is (\d{6})/.exec(last?.text ?? '')?.[1];
  if (!code) throw new Error(`No code in the last SMS to ${phone}: ${JSON.stringify(last)}`);
  return code;
};

/** Soft line breaks and =XX escapes of quoted-printable parts, undone so the text can be searched. */
const decodeQuotedPrintable = (raw: string): string =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The .eml files written to `<dataDir>/outbox/mail/` for the address, oldest first, decoded. */
export const mailSentTo = (app: TestApp, email: string): string[] => {
  const dir = path.join(outboxOf(app), 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => decodeQuotedPrintable(fs.readFileSync(path.join(dir, name), 'utf8')))
    .filter((mail) => new RegExp(`^To: ${email.replace(/[.+]/g, '\\$&')}\\r?$`, 'mi').test(mail));
};

export const lastMailCode = (app: TestApp, email: string): string => {
  const last = mailSentTo(app, email).at(-1) ?? '';
  const code = /reset code is: (\d{6})/.exec(last)?.[1];
  if (!code) throw new Error(`No reset code in the last mail to ${email}`);
  return code;
};
