// The problems an Idempotency-Key can cause, with their Japanese and English wording.
import { AppError } from '../../domain/errors.js';

export const idempotencyErrors = {
  keyMissing: () =>
    new AppError({
      code: 'idempotency_key_missing',
      status: 400,
      message: {
        ja: 'この操作には Idempotency-Key ヘッダーが必要です（1〜255 文字）。',
        en: 'This request needs an Idempotency-Key header (1 to 255 characters).',
      },
    }),
  keyReused: () =>
    new AppError({
      code: 'idempotency_key_reused',
      status: 422,
      message: {
        ja: 'この Idempotency-Key は別の内容の操作で使われています。新しい操作には新しいキーを使ってください。',
        en: 'This Idempotency-Key was used for a different request. Use a new key for a new request.',
      },
    }),
  inProgress: () =>
    new AppError({
      code: 'idempotency_request_in_progress',
      status: 409,
      message: {
        ja: '同じ操作を処理しています。少し待ってから画面を更新してください。',
        en: 'The same request is still being processed. Wait a moment, then reload.',
      },
    }),
};
