// The provisioning hand-off's expected failures, each with a stable code and a Japanese and English message.
import { AppError } from '../../domain/errors.js';

export const provisioningErrors = {
  keyInvalid: () =>
    new AppError({
      code: 'provider_key_invalid',
      status: 401,
      message: {
        ja: 'APIキーがないか、無効です。Authorization: Bearer に有効なキーを指定してください。',
        en: 'The API key is missing or not valid. Send a valid key as Authorization: Bearer.',
      },
    }),
  keyNotFound: () =>
    new AppError({
      code: 'provider_key_not_found',
      status: 404,
      message: { ja: 'APIキーが見つかりません。', en: 'The API key was not found.' },
    }),
  requestNotFound: () =>
    new AppError({
      code: 'provisioning_request_not_found',
      status: 404,
      message: { ja: '提供依頼が見つかりません。', en: 'The provisioning request was not found.' },
    }),
  resendNotNeeded: () =>
    new AppError({
      code: 'provisioning_resend_not_needed',
      status: 409,
      message: {
        ja: 'この提供依頼は配信に失敗していないため、再送できません。',
        en: 'This provisioning request has not failed to reach the provider, so it is not resent.',
      },
    }),
};
