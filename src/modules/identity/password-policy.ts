// The password policy as the server applies it: the shared rules of domain/forms/password-policy with the deny list of common passwords.
import { kernelErrors } from '../../domain/errors.js';
import {
  type CheckPasswordOptions,
  checkPassword as checkWithRules,
  type PasswordCheck,
  passwordPolicyIssues,
} from '../../domain/forms/password-policy.js';
import commonPasswordList from './data/common-passwords.json' with { type: 'json' };

export {
  type CheckPasswordOptions,
  DEFAULT_PASSWORD_POLICY_PRESET,
  PASSWORD_MAX_LENGTH,
  PASSWORD_SYMBOLS,
  type PasswordCheck,
  type PasswordPolicyPreset,
  type PasswordRuleCode,
  type PasswordRuleResult,
  passwordPolicyIssues,
  passwordPolicyPresets,
} from '../../domain/forms/password-policy.js';

/** The deny list of the `modern` preset, lower case (see `data/README.md` for its source and licence). */
export const commonPasswords: ReadonlySet<string> = new Set(commonPasswordList);

/** Whether the password is among the 10,000 most common, ignoring case as the list's counts did. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

/** Every rule of the preset with `met`, in checklist order, the deny list included. */
export function checkPassword(
  password: string,
  options: Omit<CheckPasswordOptions, 'isCommon'>,
): PasswordCheck {
  return checkWithRules(password, { ...options, isCommon: isCommonPassword });
}

/**
 * Throws `AppError` 422 `validation_failed` naming each unmet rule on `path` (default `password`);
 * returns the check otherwise. Pass the request's own field name (`newPassword`) so a form shows the
 * problem next to the field the member typed into.
 */
export function assertPasswordMeetsPolicy(
  password: string,
  options: Omit<CheckPasswordOptions, 'isCommon'>,
  path = 'password',
): PasswordCheck {
  const check = checkPassword(password, options);
  if (!check.ok) throw kernelErrors.validation(passwordPolicyIssues(check, path));
  return check;
}
