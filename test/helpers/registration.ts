// A complete, valid registration form for tests, with the seeded document versions.
export const TEST_PASSWORD = 'Kei-yaku2026!';

/** The form a member in 丸の内 sends; tests override the fields they are about. */
export function fullRegistration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    memberKind: 'individual',
    loginId: 'member',
    password: TEST_PASSWORD,
    name: '山田 花子',
    nameKana: 'ヤマダ ハナコ',
    email: 'member@example.jp',
    companyName: null,
    department: null,
    postalCode: '100-0005',
    prefecture: '東京都',
    city: '千代田区',
    street: '丸の内1-1-1',
    building: null,
    phone: '03-1234-5678',
    secondFactorChannel: 'email',
    mobilePhone: null,
    marketingOptIn: false,
    termsVersion: '2026-04-01',
    privacyPolicyVersion: '2026-04-01',
    ...overrides,
  };
}
