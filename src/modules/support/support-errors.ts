// The expected failures of inquiries, each with a stable code and a Japanese and an English message.
import { AppError } from '../../domain/errors.js';

export const supportErrors = {
  inquiryNotFound: () =>
    new AppError({
      code: 'inquiry_not_found',
      status: 404,
      message: { ja: 'お問い合わせが見つかりません。', en: 'Inquiry not found.' },
    }),
  contactRequired: (missing: ('contactName' | 'contactEmail')[]) =>
    new AppError({
      code: 'validation_failed',
      status: 422,
      message: { ja: '入力内容に誤りがあります。', en: 'Some fields are invalid.' },
      fields: missing.map((path) => ({
        path,
        code: 'required',
        message:
          path === 'contactName'
            ? { ja: 'お名前を入力してください。', en: 'Please enter your name.' }
            : { ja: 'メールアドレスを入力してください。', en: 'Please enter your email address.' },
      })),
    }),
  formTokenInvalid: () =>
    new AppError({
      code: 'form_token_invalid',
      status: 422,
      message: {
        ja: 'フォームの有効性を確認できませんでした。ページを再読み込みしてから送信してください。',
        en: 'The form could not be verified. Please reload the page and send it again.',
      },
    }),
  formTokenUsed: () =>
    new AppError({
      code: 'form_token_used',
      status: 409,
      message: {
        ja: 'このフォームはすでに送信済みです。同じ内容を重ねて送る場合は、ページを再読み込みしてから送信してください。',
        en: 'This form has already been sent. To send another inquiry, reload the page first.',
      },
    }),
  formTooFast: (minimumSeconds: number) =>
    new AppError({
      code: 'form_submitted_too_fast',
      status: 422,
      message: {
        ja: `フォームの表示から送信までが早すぎます。${minimumSeconds}秒以上おいてから送信してください。`,
        en: `The form was sent too quickly after it was shown. Please wait at least ${minimumSeconds} seconds before sending.`,
      },
    }),
  formExpired: (maximumHours: number) =>
    new AppError({
      code: 'form_expired',
      status: 422,
      message: {
        ja: `フォームを表示してから${maximumHours}時間以上が経過しました。お手数ですが、ページを再読み込みしてから送信してください（入力内容は控えておいてください）。`,
        en: `The form was shown more than ${maximumHours} hours ago. Please copy your message, reload the page and send it again.`,
      },
    }),
  spamSuspected: () =>
    new AppError({
      code: 'spam_suspected',
      status: 422,
      message: {
        ja: '送信内容が迷惑メールと判定されたため、受け付けできませんでした。',
        en: 'The message looks like spam and was not accepted.',
      },
    }),
  tooManyLinks: (maximum: number) =>
    new AppError({
      code: 'too_many_links',
      status: 422,
      message: {
        ja: `URLは件名と本文をあわせて${maximum}件までにしてください。`,
        en: `Please include at most ${maximum} links in the subject and message together.`,
      },
      fields: [
        {
          path: 'message',
          code: 'too_many_links',
          message: { ja: `URLは${maximum}件までです。`, en: `At most ${maximum} links.` },
        },
      ],
    }),
  rateLimited: (limit: number, retryAfterMinutes: number) =>
    new AppError({
      code: 'inquiry_rate_limited',
      status: 429,
      message: {
        ja: `短時間に多くのお問い合わせが送信されました（1時間に${limit}件まで）。${retryAfterMinutes}分ほどおいてから再度お試しください。`,
        en: `Too many inquiries have been sent from your network (at most ${limit} an hour). Please try again in about ${retryAfterMinutes} minutes.`,
      },
    }),
  inquiryClosed: () =>
    new AppError({
      code: 'inquiry_closed',
      status: 409,
      message: {
        ja: 'このお問い合わせは完了しています。新しくお問い合わせください。',
        en: 'This inquiry is closed. Please send a new inquiry.',
      },
    }),
  assigneeUnknown: () =>
    new AppError({
      code: 'assignee_not_found',
      status: 422,
      message: {
        ja: '担当者に指定したオペレーターが見つからないか、無効になっています。',
        en: 'The operator to assign does not exist or is disabled.',
      },
      fields: [
        {
          path: 'operatorId',
          code: 'assignee_not_found',
          message: { ja: '有効なオペレーターを指定してください。', en: 'Choose an active operator.' },
        },
      ],
    }),
} as const;
