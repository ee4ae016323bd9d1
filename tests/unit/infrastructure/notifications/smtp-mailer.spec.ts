import net from 'node:net';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/notifications/handlebars-template-renderer';
import { SmtpMailer } from '../../../../src/infrastructure/notifications/smtp-mailer';
import { startFakeSmtpServer, type FakeSmtpServer } from './fake-smtp-server';

const FROM = 'opsledger <no-reply@opsledger.local>';
const PASSWORD = 's3cret-Smtp-Passw0rd';
const renderer = new HandlebarsTemplateRenderer();
const resetMail = {
  to: 'wanjiru@example.com',
  template: 'password-reset',
  data: { name: 'Wanjiru', code: '482913', expiresInMinutes: 15, resetUrl: null },
};

/** A port nothing listens on: bound, then released. */
const closedPort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

const failure = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error: unknown = await promise.then(
    () => new Error('expected the send to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('SmtpMailer against a local SMTP listener', () => {
  let smtp: FakeSmtpServer | undefined;

  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  it('delivers one message with a text and an HTML part, logged in with the URL credentials', async () => {
    smtp = await startFakeSmtpServer();
    const mailer = new SmtpMailer({ smtpUrl: `smtp://mailer:${PASSWORD}@127.0.0.1:${smtp.port}`, from: FROM, renderer });

    const { messageId } = await mailer.send(resetMail);

    expect(smtp.logins).toEqual([`mailer:${PASSWORD}`]);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('no-reply@opsledger.local');
    expect(mail?.to).toEqual(['wanjiru@example.com']);
    expect(mail?.data).toContain(`From: ${FROM}\r\n`);
    expect(mail?.data).toContain('To: wanjiru@example.com\r\n');
    expect(mail?.data).toContain('Subject: Your opsledger password reset code\r\n');
    expect(mail?.data).toContain(`Message-ID: ${messageId}\r\n`);
    expect(mail?.data).toMatch(/Content-Type: multipart\/alternative;/);
    expect(mail?.data).toContain('Content-Type: text/plain; charset=utf-8');
    expect(mail?.data).toContain('Content-Type: text/html; charset=utf-8');
    expect(mail?.data).toContain('Your reset code is: 482913');
  });

  it('reports a refused login as mail.unavailable without the password', async () => {
    smtp = await startFakeSmtpServer({ rejectLogin: true });
    const mailer = new SmtpMailer({ smtpUrl: `smtp://mailer:${PASSWORD}@127.0.0.1:${smtp.port}`, from: FROM, renderer });

    const error = await failure(mailer.send(resetMail));

    expect(error).toMatchObject({ kind: 'unavailable', code: 'mail.unavailable' });
    expect(error.message).toBe('The mail could not be sent (SMTP EAUTH 535)');
    expect(smtp.received).toEqual([]);
  });

  it('reports a server that is not there as mail.unavailable without the password or the text', async () => {
    const mailer = new SmtpMailer({ smtpUrl: `smtp://mailer:${PASSWORD}@127.0.0.1:${await closedPort()}`, from: FROM, renderer });

    const error = await failure(mailer.send(resetMail));

    expect(error).toMatchObject({ kind: 'unavailable', code: 'mail.unavailable' });
    expect(error.message).toBe('The mail could not be sent (SMTP ESOCKET ECONNREFUSED)');
    expect(error.message).not.toContain(PASSWORD);
    expect(error.message).not.toContain('482913');
  });
});
