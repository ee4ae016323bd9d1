import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HandlebarsTemplateRenderer, TemplateError } from '../../../../src/infrastructure/notifications/handlebars-template-renderer';
import { findTemplatesDirectory } from '../../../../src/infrastructure/notifications/templates-directory';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

const reset = { name: 'Wanjiru Kamau', code: '482913', expiresInMinutes: 15, resetUrl: 'https://app.opsledger.test/reset?token=abc&step=2' };

/** The rejection of `promise`, which must be a TemplateError. */
const templateError = async (promise: Promise<unknown>): Promise<TemplateError> => {
  const error: unknown = await promise.then(
    () => new Error('expected the render to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return error as TemplateError;
};

describe('findTemplatesDirectory', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opsledger-templates-dir-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the repository templates folder from the source folder by default', () => {
    expect(findTemplatesDirectory()).toBe(path.join(REPO_ROOT, 'templates'));
  });

  it('takes the templates folder next to the first package.json above the start', async () => {
    const nested = path.join(dir, 'dist', 'src', 'infrastructure', 'notifications');
    await mkdir(nested, { recursive: true });
    await writeFile(path.join(dir, 'package.json'), '{}');

    expect(findTemplatesDirectory(nested)).toBe(path.join(dir, 'templates'));
  });
});

describe('HandlebarsTemplateRenderer with the repository templates', () => {
  const renderer = new HandlebarsTemplateRenderer();

  it('renders the subject, HTML and text parts of the password reset mail', async () => {
    const mail = await renderer.renderMail('password-reset', reset);

    expect(mail.subject).toBe('Your opsledger password reset code');
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).toContain('<title>Reset your opsledger password</title>');
    expect(mail.html).toContain('Hello Wanjiru Kamau,');
    expect(mail.html).toContain('>482913</p>');
    expect(mail.html).toContain('The code expires in 15 minutes.');
    expect(mail.html).toContain('<a href="https://app.opsledger.test/reset?token&#x3D;abc&amp;step&#x3D;2"');
    expect(mail.text).toContain('Hello Wanjiru Kamau,\n');
    expect(mail.text).toContain('Your reset code is: 482913\nThe code expires in 15 minutes.\n');
    expect(mail.text).toContain('You can also choose a new password here: https://app.opsledger.test/reset?token=abc&step=2\n');
    expect(mail.text).toMatch(/The opsledger team\n$/);
  });

  it('leaves the link out when there is no reset URL, and says "1 minute"', async () => {
    const mail = await renderer.renderMail('password-reset', { ...reset, resetUrl: null, expiresInMinutes: 1 });

    expect(mail.html).not.toContain('<a ');
    expect(mail.text).not.toContain('choose a new password here');
    expect(mail.text).toContain('The code expires in 1 minute.\n');
    // The block lines vanish with the block: no run of blank lines where the link was.
    expect(mail.text).not.toContain('\n\n\n');
  });

  it('escapes data in the HTML part only', async () => {
    const name = `<script>alert("hi")</script> O'Brien & Sons`;

    const mail = await renderer.renderMail('welcome', { name });

    expect(mail.html).toContain('Hello &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; O&#x27;Brien &amp; Sons,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain(`Hello ${name},`);
    expect(mail.subject).toBe(`Welcome to opsledger, ${name}`);
  });

  it('renders the welcome mail', async () => {
    const mail = await renderer.renderMail('welcome', { name: 'Otieno' });

    expect(mail.subject).toBe('Welcome to opsledger, Otieno');
    expect(mail.html).toContain('Welcome to opsledger! Your account is ready, and you can sign in now.');
    expect(mail.text).toContain('Welcome to opsledger! Your account is ready, and you can sign in now.');
  });

  it('tells an applicant the wholesaler application is approved', async () => {
    const mail = await renderer.renderMail('wholesaler-application-decided', { name: 'Achieng', approved: true, notes: null });

    expect(mail.subject).toBe('Your opsledger wholesaler application has been approved');
    expect(mail.text).toContain('we have approved your application to become a wholesaler');
    expect(mail.text).not.toContain('not able to approve');
    expect(mail.text).not.toContain('A note from our team');
    expect(mail.html).not.toContain('A note from our team');
  });

  it('tells an applicant the wholesaler application is refused, with the notes', async () => {
    const notes = 'Please send a KRA PIN certificate <PDF> and apply again.';

    const mail = await renderer.renderMail('wholesaler-application-decided', { name: 'Achieng', approved: false, notes });

    expect(mail.subject).toBe('An update on your opsledger wholesaler application');
    expect(mail.text).toContain('we are not able to approve it at this time.');
    expect(mail.text).toContain(`A note from our team:\n${notes}\n`);
    expect(mail.html).toContain('Please send a KRA PIN certificate &lt;PDF&gt; and apply again.');
    expect(mail.html).not.toContain('have approved');
  });

  it('renders the SMS templates on one line, unescaped', async () => {
    await expect(renderer.renderSms('otp-login', { code: '90210', expiresInMinutes: 5 })).resolves.toBe(
      'Your opsledger login code is 90210. It expires in 5 minutes. Never share this code with anyone.',
    );
    await expect(renderer.renderSms('password-reset', { code: '31415', expiresInMinutes: 1 })).resolves.toBe(
      'Your opsledger password reset code is 31415. It expires in 1 minute. If you did not ask for it, ignore this message.',
    );
  });

  it('fails on a template that does not exist, naming it', async () => {
    const mailError = await templateError(renderer.renderMail('no-such-mail', {}));
    const smsError = await templateError(renderer.renderSms('no-such-sms', {}));

    expect(mailError.message).toMatch(/^Template mail\/no-such-mail\.(subject|html|text)\.hbs not found in /);
    expect(smsError.message).toMatch(/^Template sms\/no-such-sms\.hbs not found in /);
  });

  it('fails on a missing variable instead of leaving a blank', async () => {
    const { code: _code, ...withoutCode } = reset;

    const error = await templateError(renderer.renderMail('password-reset', withoutCode));

    expect(error.message).toMatch(/^Template mail\/password-reset\.(html|text)\.hbs cannot render: "code" not defined/);
  });

  it('fails on a missing variable in an SMS', async () => {
    const error = await templateError(renderer.renderSms('otp-login', { code: '90210' }));

    expect(error.message).toBe('Template sms/otp-login.hbs cannot render: {{plural}} needs a number, got undefined');
  });

  // A forgotten `approved` must not read as "refused" and send the refusal.
  it('fails on a missing value tested with {{#if}}', async () => {
    const error = await templateError(renderer.renderMail('wholesaler-application-decided', { name: 'Achieng', notes: null }));

    expect(error.message).toMatch(/\{\{#if\}\} at \d+:\d+ got an undefined value \(pass null for "none"\)$/);
  });

  it.each([['../../package'], ['Password-Reset'], ['a/b'], ['']])('refuses the template name %p', async (name) => {
    const error = await templateError(renderer.renderSms(name, {}));

    expect(error.message).toBe(`Invalid template name ${JSON.stringify(name)}`);
  });
});

describe('HandlebarsTemplateRenderer with an explicit folder', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'opsledger-templates-'));
    await mkdir(path.join(dir, 'mail', 'partials'), { recursive: true });
    await mkdir(path.join(dir, 'sms'), { recursive: true });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads templates from that folder and shares the layout partial', async () => {
    await writeFile(path.join(dir, 'mail', 'partials', 'layout.hbs'), '<main data-title="{{title}}">{{> @partial-block}}</main>');
    await writeFile(path.join(dir, 'mail', 'note.subject.hbs'), 'Note\nfor {{who}}\n');
    await writeFile(path.join(dir, 'mail', 'note.html.hbs'), '{{#> layout title="A note"}}<p>{{who}}</p>{{/layout}}');
    await writeFile(path.join(dir, 'mail', 'note.text.hbs'), 'For {{who}}\n\n\n');

    const mail = await new HandlebarsTemplateRenderer(dir).renderMail('note', { who: 'Ann & Bo' });

    expect(mail).toEqual({
      subject: 'Note for Ann & Bo',
      html: '<main data-title="A note"><p>Ann &amp; Bo</p></main>',
      text: 'For Ann & Bo\n',
    });
  });

  it('compiles each template once', async () => {
    const file = path.join(dir, 'sms', 'ping.hbs');
    await writeFile(file, 'first {{n}}');
    const renderer = new HandlebarsTemplateRenderer(dir);

    await expect(renderer.renderSms('ping', { n: 1 })).resolves.toBe('first 1');
    await writeFile(file, 'second {{n}}');

    await expect(renderer.renderSms('ping', { n: 2 })).resolves.toBe('first 2');
    await expect(new HandlebarsTemplateRenderer(dir).renderSms('ping', { n: 3 })).resolves.toBe('second 3');
  });

  it('finds a template created after a failed attempt', async () => {
    const renderer = new HandlebarsTemplateRenderer(dir);
    await templateError(renderer.renderSms('later', {}));

    await writeFile(path.join(dir, 'sms', 'later.hbs'), 'here now');

    await expect(renderer.renderSms('later', {})).resolves.toBe('here now');
  });
});
