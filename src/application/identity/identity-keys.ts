import { toE164Phone } from '../../domain/shared/contact';
import { invalid } from '../../domain/shared/domain-error';

/** Unique-key scopes: an email, a phone number and a referral code each belong to one user. */
export const EMAIL_SCOPE = 'useremail';
export const PHONE_SCOPE = 'userphone';
export const REFERRAL_SCOPE = 'referralcode';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** E.164, or a 422 naming the field. */
export const normalisePhone = (phone: string, defaultCountryCode: string): string => {
  const e164 = toE164Phone(phone, defaultCountryCode);
  if (!e164) throw invalid('user.invalid_phone', 'The phone number cannot be read as an international (E.164) number', { phone });
  return e164;
};

/** An account named by its email or its phone. */
export interface LoginIdentifier {
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

/** The unique-key scope and key to look the account up by; the email wins when both are given. */
export const identifierKey = ({ email, phone }: LoginIdentifier, defaultCountryCode: string) => {
  if (email) return { scope: EMAIL_SCOPE, key: normaliseEmail(email) };
  if (phone) return { scope: PHONE_SCOPE, key: normalisePhone(phone, defaultCountryCode) };
  throw invalid('auth.identifier_required', 'Give an email or a phone number');
};
