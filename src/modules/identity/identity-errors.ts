// The expected failures of member identity, each with a stable code and a Japanese and an English message.
import { AppError, type FieldIssue } from '../../domain/errors.js';

export const identityErrors = {
  loginIdTaken: () =>
    new AppError({
      code: 'login_id_taken',
      status: 409,
      message: {
        ja: 'このログインIDは既に使われています。別のIDを指定してください。',
        en: 'This login ID is already taken. Please choose another one.',
      },
      fields: [
        {
          path: 'loginId',
          code: 'login_id_taken',
          message: { ja: 'このログインIDは既に使われています。', en: 'This login ID is already taken.' },
        },
      ],
    }),
  weakPassword: (fields: FieldIssue[]) =>
    new AppError({
      code: 'validation_failed',
      status: 422,
      message: { ja: '入力内容に誤りがあります。', en: 'Some fields are invalid.' },
      fields,
    }),
  confirmationTokenInvalid: () =>
    new AppError({
      code: 'confirmation_link_invalid',
      status: 410,
      message: {
        ja: 'この確認リンクは使用済みか、有効期限（24時間）が切れています。確認メールを再送してください。',
        en: 'This confirmation link has already been used or has expired (24 hours). Please request a new confirmation mail.',
      },
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
  emailNotConfirmed: () =>
    new AppError({
      code: 'email_not_confirmed',
      status: 403,
      message: {
        ja: 'メールアドレスの確認が済んでいません。確認メールのリンクを開いてください。届いていない場合は確認メールを再送できます。',
        en: 'Please confirm your email first: open the link in the confirmation mail. You can ask for it to be sent again.',
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
  codeResendTooSoon: (seconds: number) =>
    new AppError({
      code: 'code_resend_too_soon',
      status: 429,
      retryAfterSeconds: seconds,
      message: {
        ja: `確認コードの再送は、前回の送信から60秒たってからお願いします（あと${seconds}秒）。`,
        en: `A new code can be sent 60 seconds after the last one (${seconds} seconds to go).`,
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
  loginLocked: (policy: { mode: 'auto' | 'operator'; minutes: number }) =>
    new AppError({
      code: 'login_locked',
      status: 423,
      message:
        policy.mode === 'auto'
          ? {
              ja: `ログインに続けて失敗したため、このログインIDは一時的にロックされています。${policy.minutes}分ほどたってから、もう一度お試しください。`,
              en: `This login ID is locked after too many failed sign-ins. Please try again after ${policy.minutes} minutes.`,
            }
          : {
              ja: 'ログインに続けて失敗したため、このログインIDはロックされています。解除をご希望の場合は、お問い合わせフォームからご連絡ください。',
              en: 'This login ID is locked after too many failed sign-ins. To have it unlocked, please contact us via the inquiry form.',
            },
    }),
  currentPasswordIncorrect: () =>
    new AppError({
      code: 'current_password_incorrect',
      status: 403,
      message: { ja: '現在のパスワードが正しくありません。', en: 'The current password is incorrect.' },
      fields: [
        {
          path: 'currentPassword',
          code: 'current_password_incorrect',
          message: { ja: '現在のパスワードが正しくありません。', en: 'The current password is incorrect.' },
        },
      ],
    }),
  passwordIncorrect: () =>
    new AppError({
      code: 'password_incorrect',
      status: 403,
      message: { ja: 'パスワードが正しくありません。', en: 'The password is incorrect.' },
    }),
  passwordResetInvalid: () =>
    new AppError({
      code: 'password_reset_invalid',
      status: 410,
      message: {
        ja: 'リンクまたは仮パスワードが正しくないか、使用済みか、有効期限（30分）が切れています。もう一度パスワードの再設定をお申し込みください。',
        en: 'The link or the temporary password is wrong, already used or expired (30 minutes). Please request a new password reset.',
      },
    }),
  invalidBackupCode: () =>
    new AppError({
      code: 'invalid_backup_code',
      status: 401,
      message: {
        ja: 'バックアップコードが正しくないか、使用済みです。',
        en: 'The backup code is incorrect or has already been used.',
      },
    }),
  notSignedIn: () =>
    new AppError({
      code: 'not_signed_in',
      status: 401,
      message: { ja: 'ログインしてください。', en: 'Please sign in.' },
    }),
  sessionExpired: () =>
    new AppError({
      code: 'session_expired',
      status: 401,
      message: {
        ja: '一定時間操作がなかったか、ログインから時間がたったため、ログアウトしました。もう一度ログインしてください。',
        en: 'You were signed out because the session was idle too long or has reached its time limit. Please sign in again.',
      },
    }),
  sessionNotFound: () =>
    new AppError({
      code: 'session_not_found',
      status: 404,
      message: {
        ja: 'このログイン中の端末は見つかりません。すでにログアウトしている可能性があります。',
        en: 'This session was not found. It may already have been signed out.',
      },
    }),
  memberNotFound: () =>
    new AppError({
      code: 'member_not_found',
      status: 404,
      message: { ja: '会員が見つかりません。', en: 'Member not found.' },
    }),
  termsNotPublished: () =>
    new AppError({
      code: 'terms_not_published',
      status: 503,
      message: {
        ja: '利用規約またはプライバシーポリシーが公開されていないため、現在は会員登録を受け付けていません。',
        en: 'Registration is closed because no terms of use or privacy policy has been published.',
      },
    }),
  postalCodeNotFound: () =>
    new AppError({
      code: 'postal_code_not_found',
      status: 404,
      message: {
        ja: 'この郵便番号は見つかりませんでした。住所を直接入力してください。',
        en: 'This postal code was not found. Please type the address.',
      },
    }),
  emailChangeLinkInvalid: () =>
    new AppError({
      code: 'email_change_link_invalid',
      status: 410,
      message: {
        ja: 'このメールアドレス変更のリンクは使用済みか、有効期限（24時間）が切れています。もう一度変更を申し込んでください。',
        en: 'This email change link has already been used or has expired (24 hours). Please request the change again.',
      },
    }),
  registrationPendingReview: () =>
    new AppError({
      code: 'registration_pending_review',
      status: 403,
      message: {
        ja: '会員登録の審査中です。登録完了には少々お時間をいただきます（土・日・祝日・当社指定の休業日を除く）。完了しましたらメールでお知らせします。',
        en: 'Your registration is being reviewed. This takes a little time, on business days only (not on weekends, public holidays or our closure days). We will let you know by mail when it is complete.',
      },
    }),
  registrationRejected: () =>
    new AppError({
      code: 'registration_rejected',
      status: 403,
      message: {
        ja: 'この会員登録はお受けできませんでした。詳しくはお送りしたメールをご覧いただくか、お問い合わせフォームからご連絡ください。',
        en: 'This registration was not accepted. Please see the mail we sent you, or contact us via the inquiry form.',
      },
    }),
  memberWithdrawn: () =>
    new AppError({
      code: 'member_withdrawn',
      status: 403,
      message: {
        ja: 'このログインIDは退会済みのため、ログインできません。再度ご利用になる場合は、新たに会員登録をしてください。',
        en: 'This login ID belongs to a membership that has been withdrawn and can no longer sign in. To use the store again, please register anew.',
      },
    }),
  withdrawalByRequest: () =>
    new AppError({
      code: 'withdrawal_by_request',
      status: 409,
      message: {
        ja: '退会はお問い合わせフォームからのお申し込みで承っております。お問い合わせの種類で「退会のご依頼」を選んでご連絡ください。',
        en: 'Withdrawal is by request: please contact us via the inquiry form and choose "Withdrawal request" as the category.',
      },
    }),
  loginNotLocked: () =>
    new AppError({
      code: 'login_not_locked',
      status: 409,
      message: { ja: 'このログインIDはロックされていません。', en: 'This login ID is not locked.' },
    }),
} as const;
