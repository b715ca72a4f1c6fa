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
  invalidCredentials: (failuresLeft = Number.POSITIVE_INFINITY) =>
    new AppError({
      code: 'invalid_credentials',
      status: 401,
      // One try left: said before the lock, so the person can stop and reset the password instead.
      message:
        failuresLeft === 1
          ? {
              ja: 'ログインIDまたはパスワードが正しくありません。あと1回失敗するとロックされます。',
              en: 'The login ID or password is incorrect. One more failed try will lock it.',
            }
          : {
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
  /**
   * A wrong first code from an authenticator app while setting it up. The operator is signed in, so this
   * is bad input (422, on the field), not a missing session: a 401 would read as "signed out" to a client.
   */
  enrolmentCodeIncorrect: () =>
    new AppError({
      code: 'invalid_code',
      status: 422,
      message: { ja: '確認コードが正しくありません。', en: 'The code is incorrect.' },
      fields: [
        {
          path: 'code',
          code: 'invalid_code',
          message: {
            ja: '認証アプリに表示されている6桁のコードを入力してください。',
            en: 'Enter the six-digit code your authenticator app shows.',
          },
        },
      ],
    }),
  loginLocked: (policy: { mode: 'auto' | 'operator'; minutes: number }) =>
    new AppError({
      code: 'login_locked',
      status: 423,
      message:
        policy.mode === 'auto'
          ? {
              ja: `ログインに続けて失敗したため、この管理者ログインIDは一時的にロックされています。${policy.minutes}分ほどたってから、もう一度お試しください。`,
              en: `This operator login ID is locked after too many failed sign-ins. Please try again after ${policy.minutes} minutes.`,
            }
          : {
              ja: 'ログインに続けて失敗したため、この管理者ログインIDはロックされています。解除はオーナー権限の管理者に依頼してください。',
              en: 'This operator login ID is locked after too many failed sign-ins. Please ask an operator with the owner role to unlock it.',
            },
    }),
  notFound: () =>
    new AppError({
      code: 'operator_not_found',
      status: 404,
      message: { ja: '管理者が見つかりません。', en: 'No such operator.' },
    }),
  notLocked: () =>
    new AppError({
      code: 'login_not_locked',
      status: 409,
      message: {
        ja: 'このログインIDはロックされていません。',
        en: 'This login ID is not locked.',
      },
    }),
  lastOwner: () =>
    new AppError({
      code: 'last_owner',
      status: 409,
      message: {
        ja: '有効なオーナーが他にいないため、この操作はできません。先に別の管理者にオーナー権限を付与してください。',
        en: 'This is the last active owner, so this cannot be done. Give another operator the owner role first.',
      },
    }),
  alreadyInStatus: (status: 'active' | 'disabled') =>
    new AppError({
      code: status === 'disabled' ? 'operator_already_disabled' : 'operator_already_active',
      status: 409,
      message:
        status === 'disabled'
          ? { ja: 'この管理者は既に無効です。', en: 'This operator is already disabled.' }
          : { ja: 'この管理者は既に有効です。', en: 'This operator is already active.' },
    }),
  totpNotEnabled: () =>
    new AppError({
      code: 'totp_not_enabled',
      status: 409,
      message: {
        ja: 'この管理者は認証アプリを登録していません。',
        en: 'This operator has no authenticator app.',
      },
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
