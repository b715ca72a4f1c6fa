// The registration form: each field's normalising rules, cross-field rules, and the one 422 that lists every problem.
import { describe, expect, it } from 'vitest';
import { AppError, type FieldIssue } from '../../../src/domain/errors.js';
import { prefectures as sharedPrefectures } from '../../../src/domain/forms/prefectures.js';
import { zodIssuesToFields as zodIssuesToFieldsForTest } from '../../../src/domain/validation.js';
import {
  mobilePhoneNumberSchema,
  nameKanaSchema,
  normalizeJapaneseMobileNumber,
  normalizeKana,
  normalizePhoneNumber,
  type ParseRegistrationOptions,
  parseRegistration,
  phoneNumberSchema,
  postalCodeSchema,
  prefectures,
  registrationSchema,
} from '../../../src/modules/identity/index.js';

const options: ParseRegistrationOptions = {
  passwordPolicy: 'seed',
  termsVersion: '2026-04-01',
  privacyPolicyVersion: '2026-01-15',
};

const valid = {
  loginId: 'Taro.Yamada_01',
  password: 'Abcdefgh1!',
  memberKind: 'corporate',
  name: '山田 太郎',
  nameKana: 'やまだ たろう',
  email: 'taro@example.co.jp',
  companyName: '株式会社サンプル',
  department: '情報システム部',
  postalCode: '1000005',
  prefecture: '東京都',
  city: '千代田区',
  street: '丸の内1-1-1',
  building: 'サンプルビル 5F',
  phone: '03-1234-5678',
  secondFactorChannel: 'sms',
  mobilePhone: '090-1234-5678',
  marketingOptIn: true,
  termsVersion: '2026-04-01',
  privacyPolicyVersion: '2026-01-15',
};

function failures(input: unknown, parseOptions: ParseRegistrationOptions = options): FieldIssue[] {
  try {
    parseRegistration(input, parseOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).status).toBe(422);
    return (error as AppError).fields;
  }
  throw new Error('expected the registration to be refused');
}

const codesByPath = (issues: FieldIssue[]) => issues.map((issue) => [issue.path, issue.code]);

describe('kana reading', () => {
  it('stores full-width katakana words separated by one full-width space', () => {
    expect(normalizeKana('ヤマダ タロウ')).toBe('ヤマダ　タロウ');
    expect(normalizeKana('  ヤマダ　　 タロウ  ')).toBe('ヤマダ　タロウ');
  });

  it('turns hiragana into katakana rather than refusing it', () => {
    expect(normalizeKana('やまだ　たろう')).toBe('ヤマダ　タロウ');
    expect(normalizeKana('ゔぃおら')).toBe('ヴィオラ');
    expect(normalizeKana('いすゞ')).toBe('イスヾ');
  });

  it('widens half-width kana and joins their voiced marks', () => {
    expect(normalizeKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ　タロウ');
    expect(normalizeKana('ｼﾞｮﾝ･ｽﾐｽ')).toBe('ジョン・スミス');
  });

  it('refuses kanji, latin letters and hyphens in place of ー', () => {
    for (const input of ['山田 太郎', 'Yamada', 'ヤマダ-タロウ', 'ヤマダ1']) {
      const result = nameKanaSchema.safeParse(input);
      expect(result.success, input).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({
        code: 'custom',
        params: { code: 'kana_only', ja: 'カタカナ（またはひらがな）で入力してください。' },
      });
    }
    expect(nameKanaSchema.safeParse('  ').error?.issues[0]).toMatchObject({ params: { code: 'required' } });
    expect(nameKanaSchema.parse('コーヒー・ショップ')).toBe('コーヒー・ショップ');
  });
});

describe('postal code', () => {
  it('accepts 123-4567 and 1234567, full-width too, and stores 123-4567', () => {
    expect(postalCodeSchema.parse('100-0005')).toBe('100-0005');
    expect(postalCodeSchema.parse('1000005')).toBe('100-0005');
    expect(postalCodeSchema.parse('１００－０００５')).toBe('100-0005');
    expect(postalCodeSchema.parse('100ー0005')).toBe('100-0005');
  });

  it('refuses anything else', () => {
    for (const input of ['100-005', '10000055', '100 0005', '〒100-0005', 'abc-defg', '']) {
      expect(postalCodeSchema.safeParse(input).success, input).toBe(false);
    }
  });
});

describe('phone numbers', () => {
  it('turns a Japanese mobile number into E.164 for SMS', () => {
    expect(normalizeJapaneseMobileNumber('090-1234-5678')).toBe('+819012345678');
    expect(normalizeJapaneseMobileNumber('08012345678')).toBe('+818012345678');
    expect(normalizeJapaneseMobileNumber('070 1234 5678')).toBe('+817012345678');
    expect(normalizeJapaneseMobileNumber('０９０ー１２３４ー５６７８')).toBe('+819012345678');
    expect(normalizeJapaneseMobileNumber('+81 90-1234-5678')).toBe('+819012345678');
    // 060 is being opened to mobile phones; libphonenumber-js already types it as mobile, and so do we.
    expect(normalizeJapaneseMobileNumber('060-1234-5678')).toBe('+816012345678');
  });

  it('refuses fixed lines, IP phones, M2M, foreign and short numbers for SMS', () => {
    for (const input of ['03-1234-5678', '06-6123-4567', '050-1234-5678', '020-1234-5678', '0120-123-456']) {
      expect(normalizeJapaneseMobileNumber(input), input).toBeNull();
    }
    expect(normalizeJapaneseMobileNumber('+1 415 555 2671')).toBeNull();
    expect(normalizeJapaneseMobileNumber('090-1234-567')).toBeNull();
    expect(mobilePhoneNumberSchema.safeParse('03-1234-5678').error?.issues[0]).toMatchObject({
      params: { code: 'mobile_phone_number' },
    });
  });

  it('accepts any valid number as the contact phone, in E.164', () => {
    expect(normalizePhoneNumber('03-1234-5678')).toBe('+81312345678');
    expect(normalizePhoneNumber('090-1234-5678')).toBe('+819012345678');
    expect(normalizePhoneNumber('0120-123-456')).toBe('+81120123456');
    expect(normalizePhoneNumber('+1 415 555 2671')).toBe('+14155552671');
    expect(phoneNumberSchema.parse('(03) 1234-5678')).toBe('+81312345678');
  });

  it('refuses invalid numbers and numbers wrapped in words', () => {
    expect(normalizePhoneNumber('03-1234-567')).toBeNull();
    expect(normalizePhoneNumber('携帯 090-1234-5678')).toBeNull();
    expect(normalizePhoneNumber('090-1234-5678 ext 2')).toBeNull();
    expect(normalizePhoneNumber('')).toBeNull();
  });
});

describe('parseRegistration', () => {
  it('normalises a complete registration and adds the login-ID key', () => {
    expect(parseRegistration(valid, options)).toEqual({
      loginId: 'Taro.Yamada_01',
      loginIdKey: 'taro.yamada_01',
      password: 'Abcdefgh1!',
      memberKind: 'corporate',
      name: '山田 太郎',
      nameKana: 'ヤマダ　タロウ',
      email: 'taro@example.co.jp',
      companyName: '株式会社サンプル',
      department: '情報システム部',
      postalCode: '100-0005',
      prefecture: '東京都',
      city: '千代田区',
      street: '丸の内1-1-1',
      building: 'サンプルビル 5F',
      phone: '+81312345678',
      secondFactorChannel: 'sms',
      mobilePhone: '+819012345678',
      marketingOptIn: true,
      termsVersion: '2026-04-01',
      privacyPolicyVersion: '2026-01-15',
    });
  });

  it('lets individuals leave the company, department, building and mobile out when codes go by email', () => {
    const parsed = parseRegistration(
      {
        ...valid,
        memberKind: 'individual',
        companyName: undefined,
        department: '   ',
        building: null,
        secondFactorChannel: 'email',
        mobilePhone: undefined,
        email: '  ｈａｎａｋｏ＠example.jp ',
      },
      options,
    );
    expect(parsed).toMatchObject({
      companyName: null,
      department: null,
      building: null,
      mobilePhone: null,
      secondFactorChannel: 'email',
      email: 'hanako@example.jp',
    });
  });

  it('reads an empty mobile field as no mobile number', () => {
    expect(
      parseRegistration({ ...valid, secondFactorChannel: 'email', mobilePhone: ' ' }, options).mobilePhone,
    ).toBeNull();
    expect(codesByPath(failures({ ...valid, mobilePhone: '' }))).toEqual([['mobilePhone', 'required']]);
  });

  it('asks companies for the company name and SMS users for a mobile number', () => {
    const issues = failures({ ...valid, companyName: ' ', mobilePhone: null });
    expect(issues).toEqual([
      {
        path: 'companyName',
        code: 'required',
        message: { ja: '法人の方は会社名を入力してください。', en: 'Enter the company name.' },
      },
      {
        path: 'mobilePhone',
        code: 'required',
        message: {
          ja: 'SMSで認証する場合は携帯電話番号を入力してください。',
          en: 'Enter a mobile number to receive codes by SMS.',
        },
      },
    ]);
  });

  it('refuses a landline as the SMS number but takes it as the contact phone', () => {
    expect(codesByPath(failures({ ...valid, phone: '03-1234-5678', mobilePhone: '03-1234-5678' }))).toEqual([
      ['mobilePhone', 'mobile_phone_number'],
    ]);
  });

  it('lists every problem at once, with the password policy and stale consents', () => {
    const issues = failures({
      ...valid,
      loginId: 'ab',
      password: 'abcdefgh1!',
      name: '',
      nameKana: 'Yamada',
      email: 'not-an-email',
      postalCode: '100-00',
      prefecture: 'Tokyo',
      phone: '12',
      termsVersion: '2025-10-01',
      unexpected: true,
    });
    expect(codesByPath(issues)).toEqual([
      ['loginId', 'login_id_length'],
      ['name', 'required'],
      ['nameKana', 'kana_only'],
      ['email', 'invalid_format'],
      ['postalCode', 'postal_code_format'],
      ['prefecture', 'prefecture'],
      ['phone', 'phone_number'],
      ['', 'unrecognized_keys'],
      ['password', 'password_upper_case'],
      ['termsVersion', 'consent_outdated'],
    ]);
    expect(issues.find((issue) => issue.path === 'prefecture')?.message).toEqual({
      ja: '都道府県を選んでください。',
      en: 'Choose one of the 47 prefectures.',
    });
  });

  it('applies the store preset chosen, and the login ID the member typed', () => {
    const modern = { ...options, passwordPolicy: 'modern' as const };
    expect(codesByPath(failures({ ...valid, password: 'Abcdefgh1!' }, modern))).toEqual([
      ['password', 'password_min_length'],
    ]);
    expect(parseRegistration({ ...valid, password: 'correct horse battery' }, modern).password).toBe(
      'correct horse battery',
    );
    expect(codesByPath(failures({ ...valid, password: 'x-TARO.YAMADA_01-1A' }))).toEqual([
      ['password', 'password_not_login_id'],
    ]);
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, 'registration', 42]) {
      expect(codesByPath(failures(body))).toEqual([['', 'invalid_type']]);
    }
  });

  it('asks for every required field of an empty body', () => {
    expect(codesByPath(failures({})).map(([path]) => path)).toEqual([
      'loginId',
      'password',
      'memberKind',
      'name',
      'nameKana',
      'email',
      'postalCode',
      'prefecture',
      'city',
      'street',
      'phone',
      'secondFactorChannel',
      'marketingOptIn',
      'termsVersion',
      'privacyPolicyVersion',
    ]);
  });
});

describe('the registration form as the web app sends it empty', () => {
  it('says 入力してください for every empty required text field, not that its format is wrong', () => {
    const blank = {
      ...valid,
      loginId: '',
      password: '',
      name: '',
      nameKana: '',
      email: '',
      companyName: '',
      postalCode: '',
      prefecture: '',
      city: '',
      street: '',
      phone: '',
      mobilePhone: '',
    };
    const byPath = registrationSchema.safeParse(blank).error?.issues ?? [];
    expect(
      zodIssuesToFieldsForTest(byPath).map((issue) => [issue.path, issue.code, issue.message.ja]),
    ).toEqual([
      ['loginId', 'required', '入力してください。'],
      ['password', 'required', '入力してください。'],
      ['name', 'required', '入力してください。'],
      ['nameKana', 'required', '入力してください。'],
      ['email', 'required', '入力してください。'],
      ['postalCode', 'required', '入力してください。'],
      ['prefecture', 'prefecture', '都道府県を選んでください。'],
      ['city', 'required', '入力してください。'],
      ['street', 'required', '入力してください。'],
      ['phone', 'required', '入力してください。'],
      ['companyName', 'required', '法人の方は会社名を入力してください。'],
      ['mobilePhone', 'required', 'SMSで認証する場合は携帯電話番号を入力してください。'],
    ]);
  });

  it('checks prefectures against the same 47 names Japan Post data gives the server', () => {
    expect([...sharedPrefectures]).toEqual([...prefectures]);
  });
});
