import { ConfigError, loadConfig } from '../../../src/main/config';

const load = (env: Record<string, string>) => loadConfig(env, () => 'generated-secret-'.padEnd(48, 'g'), () => Buffer.alloc(32, 7).toString('base64'));

describe('document settings', () => {
  it('defaults the public base URL to localhost on the configured port', () => {
    expect(load({ PORT: '3000' }).publicBaseUrl).toBe('http://localhost:3000');
  });

  it('drops trailing slashes and keeps a path prefix', () => {
    expect(load({ PUBLIC_BASE_URL: 'https://lithovolt.example/warranty//' }).publicBaseUrl).toBe('https://lithovolt.example/warranty');
  });

  it.each(['warranty.lithovolt.example', 'ftp://lithovolt.example', 'not a url'])('refuses PUBLIC_BASE_URL=%s, naming it', (value) => {
    expect(() => load({ PUBLIC_BASE_URL: value })).toThrow(ConfigError);
    expect(() => load({ PUBLIC_BASE_URL: value })).toThrow(/PUBLIC_BASE_URL/);
  });

  it.each(['0', '33', 'two'])('refuses PDF_MAX_PAGES=%s', (value) => {
    expect(() => load({ PDF_MAX_PAGES: value })).toThrow(/PDF_MAX_PAGES/);
  });
});
