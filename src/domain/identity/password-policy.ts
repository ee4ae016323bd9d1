/**
 * What a password must be: long enough, not absurdly long, not one of the passwords every attacker tries
 * first, and not built from the account's own email or phone. No composition rules (NIST SP 800-63B).
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

export interface PasswordViolation {
  readonly rule: 'too_short' | 'too_long' | 'common' | 'repetitive' | 'contains_identity';
  readonly message: string;
}

/** A short list of the most used passwords of at least the minimum length (from public breach corpora). */
const COMMON_PASSWORDS = new Set([
  '1234567890', '0987654321', '1q2w3e4r5t', 'qwertyuiop', 'asdfghjkl1', 'password12', 'password123',
  'password1234', 'passw0rd123', 'iloveyou123', 'qwerty1234', 'qwerty12345', 'q1w2e3r4t5', '1qaz2wsx3edc',
  'administrator', 'admin12345', 'welcome123', 'letmein123', 'football123', 'baseball123', 'princess123',
  'sunshine123', 'trustno1234', 'superman123', 'abcdefghij', 'abc1234567', 'changeme123', 'zaq12wsxcde',
  'monkey12345', 'dragon12345', 'starwars123', 'whatever123', 'computer123', 'michael123', 'jennifer123',
  'qazwsxedcrfv', 'aaaaaaaaaa', '12345678910', '123123123123', '11111111111', '1234qwer!@#$',
]);

export interface PasswordContext {
  readonly email?: string | null;
  readonly phone?: string | null;
}

const identityParts = ({ email, phone }: PasswordContext): string[] => {
  const parts: string[] = [];
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4) parts.push(local);
  const digits = phone?.replace(/\D/g, '');
  if (digits && digits.length >= 6) parts.push(digits.slice(-6));
  return parts;
};

export const passwordViolations = (password: string, context: PasswordContext = {}): PasswordViolation[] => {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    violations.push({ rule: 'too_short', message: `A password has at least ${MIN_PASSWORD_LENGTH} characters` });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    violations.push({ rule: 'too_long', message: `A password has at most ${MAX_PASSWORD_LENGTH} characters` });
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) {
    violations.push({ rule: 'common', message: 'This password is one of the most commonly used; choose another' });
  }
  if (length > 0 && new Set(lower).size <= 2) {
    violations.push({ rule: 'repetitive', message: 'A password uses more than two different characters' });
  }
  if (identityParts(context).some((part) => lower.includes(part))) {
    violations.push({ rule: 'contains_identity', message: 'A password does not contain the email name or phone number' });
  }
  return violations;
};
