// The password policy presets, the checklist they report, the 422 they become, and the shipped common-password list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  commonPasswordsFromPackage,
  commonPasswordsPath,
  renderCommonPasswords,
} from '../../../scripts/generate-common-passwords.js';
import { AppError } from '../../../src/domain/errors.js';
import {
  assertPasswordMeetsPolicy,
  checkPassword,
  commonPasswords,
  DEFAULT_PASSWORD_POLICY_PRESET,
  isCommonPassword,
  type PasswordCheck,
} from '../../../src/modules/identity/index.js';

const unmet = (check: PasswordCheck) => check.rules.filter((rule) => !rule.met).map((rule) => rule.code);

describe('seed preset', () => {
  it('is the default', () => {
    expect(DEFAULT_PASSWORD_POLICY_PRESET).toBe('seed');
  });

  it('accepts 10 characters of all four classes, every rule met, in checklist order', () => {
    const check = checkPassword('Abcdefgh1!', { preset: 'seed' });
    expect(check.ok).toBe(true);
    expect(check.rules.map((rule) => [rule.code, rule.met])).toEqual([
      ['min_length', true],
      ['max_length', true],
      ['digit', true],
      ['upper_case', true],
      ['lower_case', true],
      ['symbol', true],
      ['allowed_characters', true],
      ['not_login_id', true],
    ]);
  });

  it('labels each rule in Japanese and English for the checklist', () => {
    const labels = checkPassword('', { preset: 'seed' }).rules.map((rule) => rule.label);
    expect(labels[0]).toEqual({ ja: '10文字以上', en: 'At least 10 characters' });
    expect(labels[1]).toEqual({ ja: '128文字以内', en: 'At most 128 characters' });
    expect(labels[3]).toEqual({ ja: '英大文字（A〜Z）を含む', en: 'Contains an upper-case letter (A-Z)' });
    expect(labels[5]).toEqual({
      ja: '記号（!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~）を含む',
      en: 'Contains a symbol (!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~)',
    });
  });

  it('names the one class that is missing', () => {
    expect(unmet(checkPassword('abcdefgh1!', { preset: 'seed' }))).toEqual(['upper_case']);
    expect(unmet(checkPassword('ABCDEFGH1!', { preset: 'seed' }))).toEqual(['lower_case']);
    expect(unmet(checkPassword('Abcdefghi!', { preset: 'seed' }))).toEqual(['digit']);
    expect(unmet(checkPassword('Abcdefghi1', { preset: 'seed' }))).toEqual(['symbol']);
  });

  it('needs 10 characters: 9 fail', () => {
    expect(unmet(checkPassword('Abcdefg1!', { preset: 'seed' }))).toEqual(['min_length']);
  });

  it('counts every listed symbol and nothing else as a symbol', () => {
    for (const symbol of '!"#$%&\'()*+,-./:;<=>?@[]^_`{|}~') {
      expect(checkPassword(`Abcdefgh1${symbol}`, { preset: 'seed' }).ok, symbol).toBe(true);
    }
    // Backslash, yen sign, a space and a full-width ！ are outside the published list.
    for (const outsider of ['\\', '¥', ' ', '！']) {
      expect(unmet(checkPassword(`Abcdefgh1${outsider}`, { preset: 'seed' })), outsider).toEqual([
        'symbol',
        'allowed_characters',
      ]);
    }
    expect(unmet(checkPassword('Abcdefgh1!あ', { preset: 'seed' }))).toEqual(['allowed_characters']);
  });

  it('does not look at the common-password list', () => {
    expect(checkPassword('Password123!', { preset: 'seed' }).ok).toBe(true);
  });
});

describe('modern preset', () => {
  it('accepts 12 characters of any kind when not common', () => {
    const check = checkPassword('correct horse', { preset: 'modern' });
    expect(check.ok).toBe(true);
    expect(check.rules.map((rule) => rule.code)).toEqual([
      'min_length',
      'max_length',
      'not_common',
      'not_login_id',
    ]);
    expect(checkPassword('すごく長いあいことば', { preset: 'modern' }).ok).toBe(false);
    expect(checkPassword('すごく長いあいことばです', { preset: 'modern' }).ok).toBe(true);
  });

  it('needs 12 characters: 11 fail', () => {
    expect(unmet(checkPassword('abcdefghijk', { preset: 'modern' }))).toEqual(['min_length']);
  });

  it('refuses a common password of 12 characters, whatever its case', () => {
    expect(commonPasswords.has('qwerty123456')).toBe(true);
    expect(unmet(checkPassword('qwerty123456', { preset: 'modern' }))).toEqual(['not_common']);
    expect(unmet(checkPassword('QWERTY123456', { preset: 'modern' }))).toEqual(['not_common']);
    expect(unmet(checkPassword('1q2w3e4r5t6y', { preset: 'modern' }))).toEqual(['not_common']);
  });

  it('lets password1234 through: it ranks 18,530th in the source, outside the 10,000 kept', () => {
    expect(isCommonPassword('password1234')).toBe(false);
    expect(commonPasswordsFromPackage()).not.toContain('password1234');
    expect(checkPassword('password1234', { preset: 'modern' }).ok).toBe(true);
  });

  it('counts code points, so an emoji is one character', () => {
    expect(unmet(checkPassword('🔑'.repeat(11), { preset: 'modern' }))).toEqual(['min_length']);
    expect(checkPassword('🔑'.repeat(12), { preset: 'modern' }).ok).toBe(true);
  });
});

describe('rules of every preset', () => {
  it('refuses 129 characters and accepts 128', () => {
    const base = 'Aa1!';
    expect(unmet(checkPassword(base.repeat(32), { preset: 'seed' }))).toEqual([]);
    expect(unmet(checkPassword(`${base.repeat(32)}x`, { preset: 'seed' }))).toEqual(['max_length']);
    expect(unmet(checkPassword('x'.repeat(129), { preset: 'modern' }))).toEqual(['max_length']);
  });

  it('refuses a password containing the login ID, ignoring case and width', () => {
    const options = { preset: 'seed' as const, loginId: 'Taro.Yamada' };
    expect(unmet(checkPassword('xTARO.YAMADAx1!', options))).toEqual(['not_login_id']);
    expect(unmet(checkPassword('ｔａｒｏ.yamada1!X', options))).toEqual([
      'allowed_characters',
      'not_login_id',
    ]);
    expect(
      unmet(checkPassword('ｔａｒｏ.yamada-2026', { preset: 'modern', loginId: 'taro.yamada' })),
    ).toEqual(['not_login_id']);
    expect(unmet(checkPassword('taro.yamada-2026!A', { preset: 'modern', loginId: 'Taro.Yamada' }))).toEqual([
      'not_login_id',
    ]);
    expect(checkPassword('Taro-Yamada1!', options).ok).toBe(true);
  });

  it('meets the login-ID rule when no login ID is known yet', () => {
    expect(checkPassword('Abcdefgh1!', { preset: 'seed', loginId: null }).ok).toBe(true);
    expect(checkPassword('Abcdefgh1!', { preset: 'seed', loginId: '  ' }).ok).toBe(true);
  });
});

describe('assertPasswordMeetsPolicy', () => {
  it('returns the check when the password passes', () => {
    expect(assertPasswordMeetsPolicy('Abcdefgh1!', { preset: 'seed' }).ok).toBe(true);
  });

  it('throws 422 validation_failed with one issue on password per unmet rule', () => {
    const error = (() => {
      try {
        assertPasswordMeetsPolicy('abcdefgh1', { preset: 'seed' });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation_failed');
    expect(appError.status).toBe(422);
    expect(appError.fields).toEqual([
      {
        path: 'password',
        code: 'password_min_length',
        message: {
          ja: 'パスワードは10文字以上にしてください。',
          en: 'The password must be at least 10 characters long.',
        },
      },
      {
        path: 'password',
        code: 'password_upper_case',
        message: {
          ja: 'パスワードに英大文字を含めてください。',
          en: 'The password must contain an upper-case letter.',
        },
      },
      {
        path: 'password',
        code: 'password_symbol',
        message: { ja: 'パスワードに記号を含めてください。', en: 'The password must contain a symbol.' },
      },
    ]);
  });

  it('says "12" for the modern preset and names a common password', () => {
    try {
      assertPasswordMeetsPolicy('qwerty', { preset: 'modern' });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).fields.map((field) => [field.code, field.message.ja])).toEqual([
        ['password_min_length', 'パスワードは12文字以上にしてください。'],
        ['password_not_common', 'このパスワードはよく使われているため使用できません。'],
      ]);
    }
  });
});

describe('the common-password list', () => {
  it('has exactly 10,000 distinct entries, lower case, most common first', () => {
    const shipped: unknown = JSON.parse(readFileSync(commonPasswordsPath, 'utf8'));
    expect(Array.isArray(shipped)).toBe(true);
    const list = shipped as string[];
    expect(list).toHaveLength(10_000);
    expect(commonPasswords.size).toBe(10_000);
    expect(list.slice(0, 5)).toEqual(['123456', 'password', '12345678', 'qwerty', '123456789']);
    expect(list.every((entry) => entry === entry.toLowerCase() && entry.length > 0)).toBe(true);
  });

  it('is exactly the first 10,000 of @zxcvbn-ts/language-common, as the generator writes it', () => {
    expect(readFileSync(commonPasswordsPath, 'utf8')).toBe(
      renderCommonPasswords(commonPasswordsFromPackage()),
    );
  });
});

describe('the shared rules the web app checks with (domain/forms/password-policy)', () => {
  it('gives the server’s checklist without the deny list, which only the server holds', async () => {
    const shared = await import('../../../src/domain/forms/password-policy.js');
    const seed = shared.checkPassword('Kei yaku2026!', { preset: 'seed', loginId: 'hanako' });
    expect(seed.rules.map((rule) => [rule.code, rule.met])).toEqual([
      ['min_length', true],
      ['max_length', true],
      ['digit', true],
      ['upper_case', true],
      ['lower_case', true],
      ['symbol', true],
      ['allowed_characters', false],
      ['not_login_id', true],
    ]);
    expect(shared.passwordPolicyIssues(seed).map((issue) => issue.message.ja)).toEqual([
      'パスワードには半角の英数字と記号だけを使ってください。',
    ]);
    const modern = shared.checkPassword('1qaz2wsx3edc', { preset: 'modern' });
    expect(modern.rules.map((rule) => rule.code)).toEqual(['min_length', 'max_length', 'not_login_id']);
    expect(modern.ok).toBe(true);
    expect(checkPassword('1qaz2wsx3edc', { preset: 'modern' }).ok).toBe(false);
  });
});
