import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordViolations,
  type PasswordViolation,
} from '../../../../src/domain/identity/password-policy';

const rules = (password: string, context = {}): PasswordViolation['rule'][] => passwordViolations(password, context).map((v) => v.rule);

describe('password policy', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(passwordViolations('correct horse battery staple')).toEqual([]);
    expect(passwordViolations('all lower case words')).toEqual([]);
  });

  it(`counts characters, not bytes: exactly ${MIN_PASSWORD_LENGTH} and ${MAX_PASSWORD_LENGTH} are allowed`, () => {
    expect(rules('kw9!tr2#pz')).toEqual([]);
    expect(rules('kw9!tr2#p')).toEqual(['too_short']);
    expect(rules('ñandú-çafé')).toEqual([]);
    expect(rules('🔑🔒🗝️🚪🏠🔐🧩🎲')).toEqual(['too_short']);
    const longest = 'abcdefghij'.repeat(MAX_PASSWORD_LENGTH / 10 + 1).slice(0, MAX_PASSWORD_LENGTH);
    expect(rules(longest)).toEqual([]);
    expect(rules(`${longest}k`)).toEqual(['too_long']);
  });

  it('refuses an empty password as too short only', () => {
    expect(rules('')).toEqual(['too_short']);
  });

  it('refuses the most common passwords, whatever their case', () => {
    for (const common of ['password123', 'Password123', 'QWERTYUIOP', '1234567890', 'administrator']) {
      expect(rules(common)).toContain('common');
    }
  });

  it('refuses a password of one or two different characters', () => {
    expect(rules('zzzzzzzzzzzz')).toEqual(['repetitive']);
    expect(rules('abababababab')).toEqual(['repetitive']);
    expect(rules('AaAaAaAaAaAa')).toEqual(['repetitive']);
    expect(rules('abcabcabcabc')).toEqual([]);
  });

  it("refuses a password containing the email's name (4+ characters) or the phone's last six digits", () => {
    expect(rules('my name is wanjiku!', { email: 'Wanjiku@example.com' })).toEqual(['contains_identity']);
    expect(rules('call me on 345678 ok', { phone: '+254712345678' })).toEqual(['contains_identity']);
    expect(rules('call me on 345678 ok', { email: null, phone: null })).toEqual([]);
    expect(rules('bob likes long walks', { email: 'bob@example.com' })).toEqual([]);
  });

  it('lists every rule a password breaks, each with a message', () => {
    const violations = passwordViolations('aaaaaaaaaa', { email: 'aaaa@example.com' });

    expect(violations.map((v) => v.rule)).toEqual(['common', 'repetitive', 'contains_identity']);
    for (const violation of violations) expect(violation.message).toEqual(expect.any(String));
    expect(passwordViolations('short').map((v) => v.message)).toEqual([`A password has at least ${MIN_PASSWORD_LENGTH} characters`]);
  });
});
