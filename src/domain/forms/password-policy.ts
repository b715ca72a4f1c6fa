// Password policy presets: which rules a new password must meet, each reported for the checklist beside the field; pure, so the web app checks as the server does.
import type { BilingualMessage, FieldIssue } from '../errors.js';
import { normalizeLoginId } from './login-id.js';

/** `seed`: 10+ characters of all four classes (the store's published rule); `modern`: 12+ and not common. */
export const passwordPolicyPresets = ['seed', 'modern'] as const;
export type PasswordPolicyPreset = (typeof passwordPolicyPresets)[number];
export const DEFAULT_PASSWORD_POLICY_PRESET: PasswordPolicyPreset = 'seed';

export const PASSWORD_MAX_LENGTH = 128;
/** The symbols the `seed` preset counts, exactly as the store publishes them (no backslash, no yen sign). */
export const PASSWORD_SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~';

const minLengthOf: Record<PasswordPolicyPreset, number> = { seed: 10, modern: 12 };

export type PasswordRuleCode =
  | 'min_length'
  | 'max_length'
  | 'digit'
  | 'upper_case'
  | 'lower_case'
  | 'symbol'
  | 'allowed_characters'
  | 'not_common'
  | 'not_login_id';

/** One line of the checklist: whether the password meets it, and how to say the rule. */
export interface PasswordRuleResult {
  code: PasswordRuleCode;
  met: boolean;
  label: BilingualMessage;
}

export interface PasswordCheck {
  preset: PasswordPolicyPreset;
  ok: boolean;
  rules: PasswordRuleResult[];
}

export interface CheckPasswordOptions {
  preset: PasswordPolicyPreset;
  /** The member's login ID, when known; the password may not contain it. */
  loginId?: string | null;
  /**
   * The `modern` preset's deny list. Without it (the web app, which does not download the 10,000 words)
   * the `not_common` rule is left out of the check, and the server reports it on submit.
   */
  isCommon?: (password: string) => boolean;
}

/** The shortest password a preset allows. */
export function passwordMinLength(preset: PasswordPolicyPreset): number {
  return minLengthOf[preset];
}

interface RuleText {
  label: BilingualMessage;
  problem: BilingualMessage;
}

function ruleText(code: PasswordRuleCode, minLength: number): RuleText {
  switch (code) {
    case 'min_length':
      return {
        label: { ja: `${minLength}文字以上`, en: `At least ${minLength} characters` },
        problem: {
          ja: `パスワードは${minLength}文字以上にしてください。`,
          en: `The password must be at least ${minLength} characters long.`,
        },
      };
    case 'max_length':
      return {
        label: { ja: `${PASSWORD_MAX_LENGTH}文字以内`, en: `At most ${PASSWORD_MAX_LENGTH} characters` },
        problem: {
          ja: `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`,
          en: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
        },
      };
    case 'digit':
      return {
        label: { ja: '数字（0〜9）を含む', en: 'Contains a digit (0-9)' },
        problem: { ja: 'パスワードに数字を含めてください。', en: 'The password must contain a digit.' },
      };
    case 'upper_case':
      return {
        label: { ja: '英大文字（A〜Z）を含む', en: 'Contains an upper-case letter (A-Z)' },
        problem: {
          ja: 'パスワードに英大文字を含めてください。',
          en: 'The password must contain an upper-case letter.',
        },
      };
    case 'lower_case':
      return {
        label: { ja: '英小文字（a〜z）を含む', en: 'Contains a lower-case letter (a-z)' },
        problem: {
          ja: 'パスワードに英小文字を含めてください。',
          en: 'The password must contain a lower-case letter.',
        },
      };
    case 'symbol':
      return {
        label: { ja: `記号（${PASSWORD_SYMBOLS}）を含む`, en: `Contains a symbol (${PASSWORD_SYMBOLS})` },
        problem: { ja: 'パスワードに記号を含めてください。', en: 'The password must contain a symbol.' },
      };
    case 'allowed_characters':
      return {
        label: {
          ja: '半角の英数字と上記の記号だけを使う',
          en: 'Uses only letters, digits and the symbols above',
        },
        problem: {
          ja: 'パスワードには半角の英数字と記号だけを使ってください。',
          en: 'The password may contain only letters, digits and the listed symbols.',
        },
      };
    case 'not_common':
      return {
        label: { ja: 'よく使われるパスワードではない', en: 'Not a commonly used password' },
        problem: {
          ja: 'このパスワードはよく使われているため使用できません。',
          en: 'This password is too common to be safe.',
        },
      };
    case 'not_login_id':
      return {
        label: { ja: 'ログインIDを含まない', en: 'Does not contain the login ID' },
        problem: {
          ja: 'パスワードにログインIDを含めないでください。',
          en: 'The password must not contain the login ID.',
        },
      };
  }
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isSymbol = (c: string) => PASSWORD_SYMBOLS.includes(c);

function containsLoginId(password: string, loginId: string | null | undefined): boolean {
  const key = normalizeLoginId(loginId ?? '');
  if (key === '') return false;
  // NFKC on the password too, so a full-width spelling of the ID is caught as well.
  return password.normalize('NFKC').toLowerCase().includes(key);
}

/** Every rule of the preset with `met`, in checklist order, and whether all are met. */
export function checkPassword(password: string, options: CheckPasswordOptions): PasswordCheck {
  const { preset } = options;
  const minLength = minLengthOf[preset];
  // Code points, not UTF-16 units: an emoji is one character to the member who typed it.
  const characters = [...password];
  const outcomes: [PasswordRuleCode, boolean][] = [
    ['min_length', characters.length >= minLength],
    ['max_length', characters.length <= PASSWORD_MAX_LENGTH],
  ];
  if (preset === 'seed') {
    outcomes.push(
      ['digit', characters.some(isDigit)],
      ['upper_case', characters.some(isUpper)],
      ['lower_case', characters.some(isLower)],
      ['symbol', characters.some(isSymbol)],
      // Full-width characters, spaces, `\` and `¥` look alike or type differently across Japanese keyboards
      // and IMEs, so the published character list is also the list of what may be used.
      ['allowed_characters', characters.every((c) => isDigit(c) || isUpper(c) || isLower(c) || isSymbol(c))],
    );
  } else if (options.isCommon) {
    outcomes.push(['not_common', !options.isCommon(password)]);
  }
  outcomes.push(['not_login_id', !containsLoginId(password, options.loginId)]);
  const rules = outcomes.map(([code, met]) => ({ code, met, label: ruleText(code, minLength).label }));
  return { preset, ok: rules.every((rule) => rule.met), rules };
}

/** One field issue (`password_<rule>`) per unmet rule of a check, for a 422 `validation_failed`. */
export function passwordPolicyIssues(check: PasswordCheck, path = 'password'): FieldIssue[] {
  const minLength = minLengthOf[check.preset];
  return check.rules
    .filter((rule) => !rule.met)
    .map((rule) => ({
      path,
      code: `password_${rule.code}`,
      message: ruleText(rule.code, minLength).problem,
    }));
}
