import { invalid } from '../shared/domain-error';

/**
 * Serial numbers: prefix + body + one check character, all in [0-9A-Z].
 *
 * Why not ISO/IEC 7064 MOD 37,36: its hybrid recursion misses some adjacent transpositions
 * (e.g. "H" and "I" after certain prefixes), and MOD 37-2 needs a 37th symbol ('*').
 * Instead each character is an element of the ring R = GF(4) x Z9 (36 elements) and the serial is valid
 * when S = sum of a^(n-i) * v_i equals zero, with a = (w, 2). Both a and a - 1 are units of R, so a
 * single substitution changes S by a^k * d != 0 and swapping neighbours x != y changes it by
 * a^k * (a - 1) * (x - y) != 0: every such error is caught, including those touching the check character.
 */

export const SERIAL_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const SERIAL_MIN_LENGTH = 9;
export const SERIAL_MAX_LENGTH = 24;

const PREFIX_PATTERN = /^[A-Z0-9]{2,8}$/;
const CHARSET_PATTERN = /^[0-9A-Z]+$/;
const SERIAL_PATTERN = new RegExp(`^[0-9A-Z]{${SERIAL_MIN_LENGTH},${SERIAL_MAX_LENGTH}}$`);

// GF(4) = {0, 1, w, w^2} encoded 0, 1, 2, 3: addition is XOR, and TIMES_W[x] = w * x.
const TIMES_W = [0, 2, 3, 1] as const;

interface RingElement {
  readonly gf4: number;
  readonly z9: number;
}

// A character's value v in 0..35 is the ring element (v mod 4, v div 4); callers check the charset first.
const toRing = (value: number): RingElement => ({ gf4: value % 4, z9: Math.floor(value / 4) });
const fromRing = ({ gf4, z9 }: RingElement): number => gf4 + 4 * z9;
const timesA = ({ gf4, z9 }: RingElement): RingElement => ({
  gf4: TIMES_W[gf4 as 0 | 1 | 2 | 3],
  z9: (2 * z9) % 9,
});

/** Horner's rule: S <- a * S + v for each character. */
const accumulate = (payload: string): RingElement =>
  [...payload].reduce<RingElement>((sum, character) => {
    const scaled = timesA(sum);
    const value = toRing(SERIAL_ALPHABET.indexOf(character));
    return { gf4: scaled.gf4 ^ value.gf4, z9: (scaled.z9 + value.z9) % 9 };
  }, toRing(0));

/** The check character that makes `payload + character` a valid serial. */
export const checkCharacter = (payload: string): string => {
  if (!CHARSET_PATTERN.test(payload)) {
    throw invalid('serial.malformed', 'A serial payload is one or more characters in [0-9A-Z]', { payload });
  }
  // The check value c solves a * S + c = 0, so c = -(a * S); in GF(4) every element is its own negative.
  const scaled = timesA(accumulate(payload));
  return SERIAL_ALPHABET.charAt(fromRing({ gf4: scaled.gf4, z9: (9 - scaled.z9) % 9 }));
};

/** Upper-cases and drops spaces and dashes, as people write serials: "lv24-a000 123k" -> "LV24A000123K". */
export const normaliseSerial = (input: string): string => input.toUpperCase().replace(/[\s-]+/g, '');

/** True when the serial has the right charset, length and check character. */
export const isWellFormedSerial = (serial: string): boolean =>
  SERIAL_PATTERN.test(serial) && fromRing(accumulate(serial)) === 0;

/** Builds a serial from a model's prefix and a body; the result is 9..24 characters long. */
export const composeSerial = (prefix: string, body: string): string => {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw invalid('serial.invalid_prefix', 'A serial prefix is 2..8 characters in [A-Z0-9]', { prefix });
  }
  const length = prefix.length + body.length + 1;
  if (!CHARSET_PATTERN.test(body) || length < SERIAL_MIN_LENGTH || length > SERIAL_MAX_LENGTH) {
    throw invalid(
      'serial.invalid_body',
      `A serial body is [0-9A-Z] and makes the serial ${SERIAL_MIN_LENGTH}..${SERIAL_MAX_LENGTH} characters long`,
      { prefix, body },
    );
  }
  const payload = prefix + body;
  return payload + checkCharacter(payload);
};

const IMPORTED_SERIAL_PATTERN = /^[0-9A-Z]{4,32}$/;

/**
 * Serials made before opsledger (imported from a legacy system) carry no check character of ours:
 * after normalising they need only the charset and 4..32 characters.
 */
export const isImportableSerial = (serial: string): boolean => IMPORTED_SERIAL_PATTERN.test(serial);
