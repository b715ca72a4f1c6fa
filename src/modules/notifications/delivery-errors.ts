// The failed-delivery queue's expected failures, each with a stable code and a Japanese and English message.
import { AppError } from '../../domain/errors.js';

export const deliveryErrors = {
  notFound: () =>
    new AppError({
      code: 'delivery_not_found',
      status: 404,
      message: { ja: '配信が見つかりません。', en: 'The delivery was not found.' },
    }),
  retryNotNeeded: () =>
    new AppError({
      code: 'delivery_retry_not_needed',
      status: 409,
      message: {
        ja: 'この配信は失敗していないため、再送できません（すでに再送済みの可能性があります）。',
        en: 'This delivery has not failed, so it is not retried (it may have been retried already).',
      },
    }),
  endpointDisabled: () =>
    new AppError({
      code: 'webhook_endpoint_disabled',
      status: 409,
      message: {
        ja: '送信先のWebhookが停止されているため、再送できません。提供元の設定で送信先を直してください。',
        en: 'The webhook endpoint is disabled, so the message is not retried. Fix the endpoint in the provider settings.',
      },
    }),
};
