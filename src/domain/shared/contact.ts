/** Shape checks for contact details; deliverability is for the mail and SMS adapters to find out. */

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;
const PHONE_PATTERN = /^\+?[0-9]{6,15}$/;

export const isEmailAddress = (value: string): boolean =>
  value.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(value);

/** Digits with an optional leading '+' (E.164 allows up to 15); spaces, dashes and parentheses are ignored. */
export const isPhoneNumber = (value: string): boolean => PHONE_PATTERN.test(value.replace(/[\s()-]/g, ''));
