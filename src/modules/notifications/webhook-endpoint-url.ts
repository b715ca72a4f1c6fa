// Which URLs a webhook endpoint may have: http(s) without credentials; where they may point is `webhook-target.ts`.
import { AppError } from '../../domain/errors.js';

/**
 * The URL normalised, or `webhook_url_invalid` (422). Plain http passes here; `assertWebhookTargetAllowed`
 * lets it through only to an operator's allowed network.
 */
export function parseWebhookEndpointUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw webhookUrlInvalid();
  }
  const allowed = url.protocol === 'https:' || url.protocol === 'http:';
  // Credentials in the URL would end up in logs and in the admin console.
  if (!allowed || url.username || url.password || url.hash) throw webhookUrlInvalid();
  return url.toString();
}

const urlRule = {
  ja: 'Webhook の送信先は https:// で始まる URL で指定してください（ユーザー名・パスワード・# は使えません。http:// は許可するネットワーク内だけ）。',
  en: 'A webhook endpoint must be an https:// URL without a user name, password or fragment (http:// only inside an allowed network).',
};

function webhookUrlInvalid(): AppError {
  return new AppError({
    code: 'webhook_url_invalid',
    status: 422,
    message: urlRule,
    fields: [{ path: 'url', code: 'webhook_url_invalid', message: urlRule }],
  });
}
