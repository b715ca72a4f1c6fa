// Login IDs: the allowed characters and lengths, and the case-blind uniqueness key.
import { describe, expect, it } from 'vitest';
import { zodIssuesToFields } from '../../../src/domain/validation.js';
import { loginIdSchema, normalizeLoginId, parseLoginId } from '../../../src/modules/identity/index.js';

function issuesOf(input: unknown) {
  const result = loginIdSchema.safeParse(input);
  return result.success ? [] : zodIssuesToFields(result.error.issues);
}

describe('login ID', () => {
  it('accepts letters, digits, dot, underscore and hyphen and keys it in lower case', () => {
    expect(parseLoginId('Taro.Yamada_01')).toEqual({ loginId: 'Taro.Yamada_01', key: 'taro.yamada_01' });
    expect(parseLoginId('a-b')).toEqual({ loginId: 'a-b', key: 'a-b' });
  });

  it('takes 3 to 64 characters', () => {
    expect(parseLoginId('ab')).toBeNull();
    expect(parseLoginId('abc')).not.toBeNull();
    expect(parseLoginId('a'.repeat(64))).not.toBeNull();
    expect(parseLoginId('a'.repeat(65))).toBeNull();
    expect(issuesOf('ab')).toEqual([
      {
        path: '',
        code: 'login_id_length',
        message: { ja: '3〜64文字で入力してください。', en: 'Use 3 to 64 characters.' },
      },
    ]);
  });

  it('refuses kana, spaces inside, @ and other symbols', () => {
    for (const input of ['たろう', 'taro yamada', 'taro@example.jp', 'taro+1', 'tarö']) {
      expect(parseLoginId(input), input).toBeNull();
    }
    expect(issuesOf('たろう')).toEqual([
      {
        path: '',
        code: 'login_id_characters',
        message: {
          ja: '半角英数字と記号 . _ - のみ使用できます。',
          en: 'Use only letters, digits and the symbols . _ -',
        },
      },
    ]);
  });

  it('reads full-width letters as their ASCII selves (NFKC) and trims', () => {
    expect(parseLoginId('  Ｔａｒｏ＿０１ ')).toEqual({ loginId: 'Taro_01', key: 'taro_01' });
  });

  it('gives one key to spellings that differ only in case or width', () => {
    const keys = ['TARO.yamada', 'taro.YAMADA', 'ｔａｒｏ．ｙａｍａｄａ', ' Taro.Yamada '].map(
      normalizeLoginId,
    );
    expect(new Set(keys)).toEqual(new Set(['taro.yamada']));
    // A ligature decomposes under NFKC, so it cannot pose as a different ID.
    expect(normalizeLoginId('ﬁnance')).toBe('finance');
  });

  it('asks for a value when given none', () => {
    expect(issuesOf(undefined)).toMatchObject([{ path: '', code: 'invalid_type' }]);
  });
});
