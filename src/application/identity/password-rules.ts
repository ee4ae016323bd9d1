import { passwordViolations, type PasswordContext } from '../../domain/identity/password-policy';
import { invalid } from '../../domain/shared/domain-error';

/** 422 `user.weak_password` listing every rule the password breaks, so a form can show them all at once. */
export const assertPasswordPolicy = (password: string, context: PasswordContext = {}): void => {
  const violations = passwordViolations(password, context);
  if (violations.length > 0) {
    throw invalid('user.weak_password', violations.map((v) => v.message).join('; '), { violations });
  }
};
