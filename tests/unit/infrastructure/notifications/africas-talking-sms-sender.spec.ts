import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { AfricasTalkingSmsSender } from '../../../../src/infrastructure/notifications/africas-talking-sms-sender';
import { HandlebarsTemplateRenderer } from '../../../../src/infrastructure/notifications/handlebars-template-renderer';

const API_KEY = 'atsk_0123456789abcdef_test_key';
const renderer = new HandlebarsTemplateRenderer();
const otp = { to: '+254712345678', template: 'otp-login', data: { code: '90210', expiresInMinutes: 5 } };
const OTP_TEXT = 'Your opsledger login code is 90210. It expires in 5 minutes. Never share this code with anyone.';

interface ReceivedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: http.IncomingHttpHeaders;
  readonly form: URLSearchParams;
}

type Answer = { readonly status: number; readonly body: string } | 'never';

const recipients = (...list: object[]) => JSON.stringify({ SMSMessageData: { Message: `Sent to ${list.length}/1`, Recipients: list } });

/** A local stand-in for the Africa's Talking API: records each request and gives the answer set by the test. */
const startProvider = async () => {
  const requests: ReceivedRequest[] = [];
  let answer: Answer = { status: 201, body: recipients({ statusCode: 101, status: 'Success', messageId: 'ATXid_1', number: otp.to }) };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, form: new URLSearchParams(body) });
      if (answer === 'never') return;
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answer: (next: Answer) => (answer = next),
    // Also drops a request left unanswered; closing twice is harmless.
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

type Provider = Awaited<ReturnType<typeof startProvider>>;

const failure = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error: unknown = await promise.then(
    () => new Error('expected the send to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ kind: 'unavailable', code: 'sms.unavailable' });
  const message = (error as DomainError).message;
  expect(message).not.toContain(API_KEY);
  expect(message).not.toContain(OTP_TEXT);
  expect(message).not.toContain('90210');
  return error as DomainError;
};

describe('AfricasTalkingSmsSender', () => {
  let provider: Provider;
  let sender: AfricasTalkingSmsSender;

  beforeEach(async () => {
    provider = await startProvider();
    sender = new AfricasTalkingSmsSender({ username: 'opsledger', apiKey: API_KEY, senderId: 'OPSLEDGER', renderer, baseUrl: provider.baseUrl });
  });

  afterEach(async () => {
    await provider.close();
  });

  it('posts the rendered message as a form with the API key header', async () => {
    await sender.send(otp);

    expect(provider.requests).toHaveLength(1);
    const [request] = provider.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/version1/messaging');
    expect(request?.headers['apikey']).toBe(API_KEY);
    expect(request?.headers['accept']).toBe('application/json');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      username: 'opsledger',
      to: '+254712345678',
      message: OTP_TEXT,
      from: 'OPSLEDGER',
    });
  });

  it('leaves `from` out without a sender id', async () => {
    const plain = new AfricasTalkingSmsSender({ username: 'opsledger', apiKey: API_KEY, renderer, baseUrl: `${provider.baseUrl}/` });

    await plain.send(otp);

    expect(provider.requests[0]?.url).toBe('/version1/messaging');
    expect(provider.requests[0]?.form.has('from')).toBe(false);
  });

  it.each([
    [100, 'Processed'],
    [101, 'Success'],
    [102, 'Queued'],
  ])('accepts status code %i (%s) and returns the provider message id', async (statusCode, status) => {
    provider.answer({ status: 201, body: recipients({ statusCode, status, messageId: `ATXid_${statusCode}`, number: otp.to }) });

    await expect(sender.send(otp)).resolves.toEqual({ messageId: `ATXid_${statusCode}` });
  });

  it('returns a null message id when the provider gives none', async () => {
    provider.answer({ status: 201, body: recipients({ statusCode: 101, status: 'Success', number: otp.to }) });

    await expect(sender.send(otp)).resolves.toEqual({ messageId: null });
  });

  it.each([
    [403, 'InvalidPhoneNumber'],
    [405, 'InsufficientBalance'],
    [406, 'UserInBlacklist'],
  ])('reports a refusal (%i %s) as sms.unavailable naming the provider status', async (statusCode, status) => {
    provider.answer({ status: 201, body: recipients({ statusCode, status, messageId: 'None', number: otp.to }) });

    const error = await failure(sender.send(otp));

    expect(error.message).toBe(`The SMS could not be sent: Africa's Talking refused it: ${status} (${statusCode})`);
  });

  it('reports a refusal of the whole request by its message', async () => {
    provider.answer({ status: 201, body: JSON.stringify({ SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } }) });

    const error = await failure(sender.send(otp));

    expect(error.message).toBe("The SMS could not be sent: Africa's Talking refused it: InvalidSenderId");
  });

  it('never repeats the API key, even when the provider echoes it', async () => {
    provider.answer({ status: 201, body: recipients({ statusCode: 401, status: `RiskHold for ${API_KEY}` }) });

    const error = await failure(sender.send(otp));

    expect(error.message).toBe("The SMS could not be sent: Africa's Talking refused it: RiskHold for *** (401)");
  });

  it.each([
    [500, 'Internal Server Error'],
    [401, 'The supplied authentication is invalid'],
  ])('reports HTTP %i as sms.unavailable', async (status, body) => {
    provider.answer({ status, body });

    const error = await failure(sender.send(otp));

    expect(error.message).toBe(`The SMS could not be sent: Africa's Talking answered HTTP ${status}`);
  });

  it('reports an answer that is not JSON as sms.unavailable', async () => {
    provider.answer({ status: 201, body: '<html>maintenance</html>' });

    const error = await failure(sender.send(otp));

    expect(error.message).toBe("The SMS could not be sent: Africa's Talking answered HTTP 201 with a body that is not JSON");
  });

  it('gives up when the provider does not answer in time', async () => {
    provider.answer('never');
    const impatient = new AfricasTalkingSmsSender({ username: 'opsledger', apiKey: API_KEY, renderer, baseUrl: provider.baseUrl, timeoutMs: 50 });

    const error = await failure(impatient.send(otp));

    expect(error.message).toBe("The SMS could not be sent: Africa's Talking did not answer within 50 ms");
    expect(provider.requests).toHaveLength(1);
  });

  it('reports a provider that cannot be reached as sms.unavailable', async () => {
    const { baseUrl } = provider;
    await provider.close();
    const unreachable = new AfricasTalkingSmsSender({ username: 'opsledger', apiKey: API_KEY, renderer, baseUrl });

    const error = await failure(unreachable.send(otp));

    expect(error.message).toBe("The SMS could not be sent: Africa's Talking could not be reached (ECONNREFUSED)");
  });
});

describe('AfricasTalkingSmsSender endpoints', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  // No live API is reachable from the tests: fetch is stubbed only to see which URL is called.
  it.each([
    ['sandbox', 'https://api.sandbox.africastalking.com/version1/messaging'],
    ['opsledger', 'https://api.africastalking.com/version1/messaging'],
  ])('calls the right API for the username %p', async (username, url) => {
    const fetchSpy = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(recipients({ statusCode: 101, status: 'Success', messageId: 'ATXid_9' }), { status: 201 }));

    await new AfricasTalkingSmsSender({ username, apiKey: API_KEY, renderer }).send(otp);

    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe(url);
  });
});
