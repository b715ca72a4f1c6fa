// What a login ID and a password must look like at registration (a first check; the full policy lives beside it).
import type { FieldIssue } from '../../domain/errors.js';

export const LOGIN_ID_MIN = 3;
export const LOGIN_ID_MAX = 64;
/** Letters, digits, dot, underscore and hyphen: safe in URLs and mail, easy to read aloud. */
export const LOGIN_ID_PATTERN = /^[A-Za-z0-9._-]+$/;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** The internal, unique address better-auth needs; never mailed to. */
export function internalEmailFor(memberId: string): string {
  return `${memberId}@members.keiyaku.invalid`;
}

/** Login IDs are unique ignoring case, so they are stored and looked up lower-cased. */
export function normalizeLoginId(loginId: string): string {
  return loginId.toLowerCase();
}

const classes = [
  { test: /[0-9]/, ja: '数字', en: 'a digit' },
  { test: /[A-Z]/, ja: '英大文字', en: 'an upper-case letter' },
  { test: /[a-z]/, ja: '英小文字', en: 'a lower-case letter' },
  { test: /[^A-Za-z0-9]/, ja: '記号', en: 'a symbol' },
] as const;

/** The password's problems (length, missing character classes), empty when it is acceptable. */
export function passwordIssues(password: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    issues.push({
      path: 'password',
      code: 'password_length',
      message: {
        ja: `パスワードは${PASSWORD_MIN}〜${PASSWORD_MAX}文字にしてください。`,
        en: `The password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long.`,
      },
    });
  }
  const missing = classes.filter((c) => !c.test.test(password));
  if (missing.length > 0) {
    issues.push({
      path: 'password',
      code: 'password_too_simple',
      message: {
        ja: `パスワードには数字・英大文字・英小文字・記号をすべて含めてください（不足: ${missing.map((c) => c.ja).join('、')}）。`,
        en: `The password needs digits, upper-case and lower-case letters and symbols (missing: ${missing.map((c) => c.en).join(', ')}).`,
      },
    });
  }
  return issues;
}
