// What a member gives when registering: the normalising parse of the sign-up route and flow, on the field rules shared with the web app.
import type { z } from 'zod';
import { type FieldIssue, kernelErrors } from '../../domain/errors.js';
import { registrationSchema } from '../../domain/forms/member-fields.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { normalizeLoginId, parseLoginId } from './login-id.js';
import { checkPassword, type PasswordPolicyPreset, passwordPolicyIssues } from './password-policy.js';

export {
  type MemberKind,
  memberKinds,
  memberTextLimits,
  mobilePhoneNumberSchema,
  nameKanaSchema,
  normalizeJapaneseMobileNumber,
  normalizePhoneNumber,
  optionalMobilePhoneNumberSchema,
  optionalText,
  phoneNumberSchema,
  postalCodeSchema,
  prefectureSchema,
  type RegistrationInput,
  registrationSchema,
  requiredText,
  type SecondFactorChannel,
  secondFactorChannels,
} from '../../domain/forms/member-fields.js';

/** The registration as stored: normalised, with the login ID's uniqueness key. */
export type RegistrationFields = z.output<typeof registrationSchema> & { loginIdKey: string };

export interface ParseRegistrationOptions {
  passwordPolicy: PasswordPolicyPreset;
  /** The versions the store currently asks members to accept; a stale consent is refused. */
  termsVersion: string;
  privacyPolicyVersion: string;
}

function stringField(input: unknown, key: string): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

function staleConsentIssue(path: string, accepted: string | null, current: string): FieldIssue[] {
  if (accepted === null || accepted.trim() === '' || accepted.trim() === current) return [];
  return [
    {
      path,
      code: 'consent_outdated',
      message: {
        ja: '同意いただいた版は最新ではありません。最新の内容をご確認のうえ、改めて同意してください。',
        en: 'The document has changed; please read the current version and agree again.',
      },
    },
  ];
}

/**
 * The registration, normalised, or an `AppError` 422 `validation_failed` listing every failing field at once:
 * the form's rules, the store's password policy, and consent to the current terms and privacy policy.
 */
export function parseRegistration(input: unknown, options: ParseRegistrationOptions): RegistrationFields {
  const parsed = registrationSchema.safeParse(input);
  const issues: FieldIssue[] = parsed.success ? [] : zodIssuesToFields(parsed.error.issues);
  const password = stringField(input, 'password');
  if (password !== null) {
    const loginId = stringField(input, 'loginId');
    // A login ID that breaks its own rules is about to change; judging the password by it would only add noise.
    const check = checkPassword(password, {
      preset: options.passwordPolicy,
      loginId: loginId === null ? null : (parseLoginId(loginId)?.loginId ?? null),
    });
    issues.push(...passwordPolicyIssues(check));
  }
  issues.push(
    ...staleConsentIssue('termsVersion', stringField(input, 'termsVersion'), options.termsVersion),
    ...staleConsentIssue(
      'privacyPolicyVersion',
      stringField(input, 'privacyPolicyVersion'),
      options.privacyPolicyVersion,
    ),
  );
  if (!parsed.success || issues.length > 0) throw kernelErrors.validation(issues);
  return { ...parsed.data, loginIdKey: normalizeLoginId(parsed.data.loginId) };
}
