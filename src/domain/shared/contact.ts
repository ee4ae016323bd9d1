/** Shape checks for contact details; deliverability is for the mail and SMS adapters to find out. */

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;
const PHONE_PATTERN = /^\+?[0-9]{6,15}$/;

export const isEmailAddress = (value: string): boolean =>
  value.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(value);

/** Digits with an optional leading '+' (E.164 allows up to 15); spaces, dashes and parentheses are ignored. */
export const isPhoneNumber = (value: string): boolean => PHONE_PATTERN.test(value.replace(/[\s()-]/g, ''));

const E164_PATTERN = /^\+[1-9][0-9]{7,14}$/;

export const isE164Phone = (value: string): boolean => E164_PATTERN.test(value);

/**
 * A phone number as `+<country><number>`: separators dropped, `00` read as `+`, and a national number
 * (leading 0, as Kenyans write `0712 345 678`) given the default country code. Null when it cannot be E.164.
 */
export const toE164Phone = (input: string, defaultCountryCode: string): string | null => {
  const compact = input.trim().replace(/[\s().-]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const candidate = international.startsWith('+')
    ? international
    : international.startsWith('0')
      ? `+${defaultCountryCode}${international.slice(1)}`
      : `+${international}`;
  return isE164Phone(candidate) ? candidate : null;
};
