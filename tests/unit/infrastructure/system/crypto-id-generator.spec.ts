import { CryptoIdGenerator } from '../../../../src/infrastructure/system/crypto-id-generator';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('CryptoIdGenerator', () => {
  const ids = new CryptoIdGenerator();

  it('makes RFC 9562 version 7 UUIDs carrying the current millisecond', () => {
    const before = Date.now();
    const id = ids.newId();
    const after = Date.now();

    expect(id).toMatch(UUID_V7);
    const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(after);
  });

  it('orders ids made later after earlier ones, also within one millisecond', () => {
    const made = Array.from({ length: 5_000 }, () => ids.newId());

    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('draws random strings from the given alphabet only', () => {
    const value = ids.randomString(64, 'AB7');

    expect(value).toHaveLength(64);
    expect(value).toMatch(/^[AB7]+$/);
  });
});
