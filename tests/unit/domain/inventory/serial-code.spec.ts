import {
  checkCharacter,
  composeSerial,
  isImportableSerial,
  isWellFormedSerial,
  normaliseSerial,
  SERIAL_ALPHABET,
} from '../../../../src/domain/inventory/serial-code';
import { isDomainError } from '../../../../src/domain/shared/domain-error';

// A seeded generator (mulberry32) keeps the generated serials the same on every run.
const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const generateSerials = (count: number): string[] => {
  const random = seededRandom(20240501);
  const pick = (from: string) => from.charAt(Math.floor(random() * from.length));
  const serials: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const prefixLength = 2 + Math.floor(random() * 7);
    const serialLength = Math.max(9, prefixLength + 2) + Math.floor(random() * (24 - Math.max(9, prefixLength + 2) + 1));
    const prefix = Array.from({ length: prefixLength }, () => pick(SERIAL_ALPHABET)).join('');
    const body = Array.from({ length: serialLength - prefixLength - 1 }, () => pick(SERIAL_ALPHABET)).join('');
    serials.push(composeSerial(prefix, body));
  }
  return serials;
};

const substitutions = function* (serial: string): Generator<string> {
  for (let i = 0; i < serial.length; i += 1) {
    for (const replacement of SERIAL_ALPHABET) {
      if (replacement !== serial.charAt(i)) yield serial.slice(0, i) + replacement + serial.slice(i + 1);
    }
  }
};

const adjacentTranspositions = function* (serial: string): Generator<string> {
  for (let i = 0; i + 1 < serial.length; i += 1) {
    const [a, b] = [serial.charAt(i), serial.charAt(i + 1)];
    if (a !== b) yield serial.slice(0, i) + b + a + serial.slice(i + 2);
  }
};

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a DomainError';
  }
  return undefined;
};

describe('serial codes', () => {
  const serials = generateSerials(400);

  it('generates distinct, well-formed serials of every allowed length', () => {
    expect(new Set(serials).size).toBe(serials.length);
    expect(serials.every(isWellFormedSerial)).toBe(true);
    expect(new Set(serials.map((serial) => serial.length))).toEqual(
      new Set(Array.from({ length: 16 }, (_, i) => 9 + i)),
    );
  });

  it('rejects every single-character substitution of every generated serial', () => {
    let checked = 0;
    const accepted: string[] = [];
    for (const serial of serials) {
      for (const corrupted of substitutions(serial)) {
        checked += 1;
        if (isWellFormedSerial(corrupted)) accepted.push(`${serial} -> ${corrupted}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  it('rejects every adjacent transposition of two different characters of every generated serial', () => {
    let checked = 0;
    const accepted: string[] = [];
    for (const serial of serials) {
      for (const corrupted of adjacentTranspositions(serial)) {
        checked += 1;
        if (isWellFormedSerial(corrupted)) accepted.push(`${serial} -> ${corrupted}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(4_000);
  });

  it('rejects the swap of every ordered pair of characters, at every position, the check character included', () => {
    const accepted: string[] = [];
    for (const prefix of ['LV', 'LV24A', 'ZZ99Q0X7']) {
      for (const a of SERIAL_ALPHABET) {
        for (const b of SERIAL_ALPHABET) {
          if (a === b) continue;
          const serial = composeSerial(prefix, `${a}${b}`.padEnd(9 - prefix.length, '0'));
          for (const corrupted of adjacentTranspositions(serial)) {
            if (isWellFormedSerial(corrupted)) accepted.push(`${serial} -> ${corrupted}`);
          }
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('does not use ISO/IEC 7064 MOD 37,36, which misses some adjacent transpositions', () => {
    // The standard's hybrid recursion, to document why the project uses another check.
    const mod3736Valid = (serial: string) => {
      let product = 36;
      let sum = 0;
      for (const character of serial) {
        sum = (product + SERIAL_ALPHABET.indexOf(character)) % 36 || 36;
        product = (sum * 2) % 37;
      }
      return sum === 1;
    };
    expect(mod3736Valid('LV24A0000HI1')).toBe(true);
    expect(mod3736Valid('LV24A0000IH1')).toBe(true);
    const serial = composeSerial('LV24A', '0000HI');
    expect([...adjacentTranspositions(serial)].filter(isWellFormedSerial)).toEqual([]);
  });

  it('composes prefix + body + check character', () => {
    const serial = composeSerial('LV24A', '000123');
    expect(serial).toBe(`LV24A000123${checkCharacter('LV24A000123')}`);
    expect(serial).toHaveLength(12);
    expect(isWellFormedSerial(serial)).toBe(true);
  });

  it('refuses a malformed prefix or body', () => {
    expect(codeOf(() => composeSerial('L', '00000000'))).toBe('serial.invalid_prefix');
    expect(codeOf(() => composeSerial('lv', '0000000'))).toBe('serial.invalid_prefix');
    expect(codeOf(() => composeSerial('LV', '00000'))).toBe('serial.invalid_body');
    expect(codeOf(() => composeSerial('LV', '0'.repeat(22)))).toBe('serial.invalid_body');
    expect(codeOf(() => composeSerial('LV', '000-00000'))).toBe('serial.invalid_body');
    expect(codeOf(() => checkCharacter('lv24'))).toBe('serial.malformed');
    expect(codeOf(() => checkCharacter(''))).toBe('serial.malformed');
  });

  it('accepts lengths 9..24 only', () => {
    const ofLength = (length: number) => {
      const payload = 'A'.repeat(length - 1);
      return payload + checkCharacter(payload);
    };
    expect(isWellFormedSerial(ofLength(8))).toBe(false);
    expect(isWellFormedSerial(ofLength(9))).toBe(true);
    expect(isWellFormedSerial(ofLength(24))).toBe(true);
    expect(isWellFormedSerial(ofLength(25))).toBe(false);
  });

  it('rejects characters outside [0-9A-Z]', () => {
    const serial = composeSerial('LV24A', '000123');
    expect(isWellFormedSerial(serial.toLowerCase())).toBe(false);
    expect(isWellFormedSerial(`${serial.slice(0, 4)}-${serial.slice(4)}`)).toBe(false);
    expect(isWellFormedSerial(serial.replace('0', 'Ø'))).toBe(false);
  });

  it('accepts imported serials of 4..32 characters in [0-9A-Z], without a check character', () => {
    const serial = composeSerial('LV24A', '000123');
    for (const imported of ['ABCD', '0000', 'Z'.repeat(32), 'LEGACY2019X', serial, serial.slice(0, -1)]) {
      expect(isImportableSerial(imported)).toBe(true);
    }
  });

  it('refuses imported serials of another length or with other characters', () => {
    for (const imported of ['', 'ABC', 'Z'.repeat(33), 'legacy01', 'LEG-0001', 'LEG 0001', 'LEG_0001', 'ØLD1', ' ABCD']) {
      expect(isImportableSerial(imported)).toBe(false);
    }
  });

  it('accepts an imported serial once normalised', () => {
    expect(isImportableSerial('leg-0001 x')).toBe(false);
    expect(isImportableSerial(normaliseSerial('leg-0001 x'))).toBe(true);
  });

  it('normalises what people type', () => {
    expect(normaliseSerial(' lv24-a000 123k ')).toBe('LV24A000123K');
    expect(normaliseSerial('LV24\tA000--123K')).toBe('LV24A000123K');
    const serial = composeSerial('LV24A', '000123');
    expect(isWellFormedSerial(normaliseSerial(`${serial.slice(0, 5).toLowerCase()}-${serial.slice(5)}`))).toBe(true);
  });
});
