import { secretsIn, withoutCredentials } from '../../../../src/infrastructure/store-kit/engine-connection';

const CLOSED_PORT_URL = 'mongodb://opsledger:s3cr%40t-pw@127.0.0.1:1/opsledger?authSource=admin';

describe('engine connection strings: credentials', () => {
  it('finds the user info and password of a URL, raw and decoded, longest first', () => {
    expect(secretsIn(CLOSED_PORT_URL)).toEqual(['opsledger:s3cr%40t-pw', 'opsledger:s3cr@t-pw', 's3cr%40t-pw', 's3cr@t-pw']);
    expect(secretsIn('mongodb://127.0.0.1:27017/?replicaSet=rs0')).toEqual([]);
    expect(secretsIn('mongodb+srv://reader@cluster0.example.net/')).toEqual(['reader']);
  });

  it('finds a password even when it is not escaped and the URL does not parse', () => {
    expect(secretsIn('mongodb://u:p/w@host/db')).toContain('p/w');
  });

  it('scrubs every occurrence of a secret from a message', () => {
    expect(withoutCredentials('auth as opsledger:s3cr@t-pw failed; s3cr%40t-pw rejected', CLOSED_PORT_URL)).toBe(
      'auth as *** failed; *** rejected',
    );
  });

  it('hides the user info of an EventStoreDB URL in the URL itself', () => {
    const url = 'kurrentdb://ops:hunter2@db.internal:2113?tls=false';
    expect(withoutCredentials(url, url)).toBe('kurrentdb://***@db.internal:2113?tls=false');
  });
});
