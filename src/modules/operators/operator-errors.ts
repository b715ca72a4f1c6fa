// The expected failures of operator accounts, each with a stable code and a Japanese and an English message.
import { AppError, type FieldIssue } from '../../domain/errors.js';

export const operatorErrors = {
  loginIdTaken: (loginId: string) =>
    new AppError({
      code: 'operator_login_id_taken',
      status: 409,
      message: {
        ja: `管理者ログインID "${loginId}" は既に使われています。別のIDを指定してください。`,
        en: `The operator login ID "${loginId}" is already taken. Please choose another one.`,
      },
      fields: [
        {
          path: 'loginId',
          code: 'operator_login_id_taken',
          message: { ja: 'このログインIDは既に使われています。', en: 'This login ID is already taken.' },
        },
      ],
    }),
  invalid: (fields: FieldIssue[]) =>
    new AppError({
      code: 'validation_failed',
      status: 422,
      message: { ja: '入力内容に誤りがあります。', en: 'Some fields are invalid.' },
      fields,
    }),
  invalidCredentials: () =>
    new AppError({
      code: 'invalid_credentials',
      status: 401,
      message: {
        ja: 'ログインIDまたはパスワードが正しくありません。',
        en: 'The login ID or password is incorrect.',
      },
    }),
  signInNotPending: () =>
    new AppError({
      code: 'sign_in_not_pending',
      status: 401,
      message: {
        ja: 'ログインの手続きが見つからないか、期限が切れています。もう一度ログインしてください。',
        en: 'No sign-in is waiting for a code, or it has expired. Please sign in again.',
      },
    }),
  invalidCode: () =>
    new AppError({
      code: 'invalid_code',
      status: 401,
      message: { ja: '確認コードが正しくありません。', en: 'The code is incorrect.' },
    }),
  codeExpired: () =>
    new AppError({
      code: 'code_expired',
      status: 410,
      message: {
        ja: '確認コードの有効期限（10分）が切れています。もう一度ログインしてください。',
        en: 'The code has expired (10 minutes). Please sign in again.',
      },
    }),
  codeAttemptsExhausted: () =>
    new AppError({
      code: 'code_attempts_exhausted',
      status: 429,
      message: {
        ja: '確認コードの入力回数の上限（5回）に達したため、このコードは使えなくなりました。もう一度ログインしてください。',
        en: 'Too many wrong codes (5): this code can no longer be used. Please sign in again.',
      },
    }),
  notSignedIn: () =>
    new AppError({
      code: 'operator_not_signed_in',
      status: 401,
      message: { ja: '管理者としてログインしてください。', en: 'Please sign in as an operator.' },
    }),
  forbidden: (action: string) =>
    new AppError({
      code: 'operator_forbidden',
      status: 403,
      message: {
        ja: `この操作（${action}）を行う権限がありません。`,
        en: `Your roles do not allow this action (${action}).`,
      },
    }),
  totpAlreadyEnabled: () =>
    new AppError({
      code: 'totp_already_enabled',
      status: 409,
      message: {
        ja: '認証アプリは既に登録されています。',
        en: 'An authenticator app is already set up.',
      },
    }),
  totpNotStarted: () =>
    new AppError({
      code: 'totp_not_started',
      status: 409,
      message: {
        ja: '認証アプリの登録が開始されていません。先に登録を開始してください。',
        en: 'No authenticator app set-up is in progress. Start it first.',
      },
    }),
  wrongPassword: () =>
    new AppError({
      code: 'invalid_password',
      status: 401,
      message: { ja: 'パスワードが正しくありません。', en: 'The password is incorrect.' },
    }),
} as const;
