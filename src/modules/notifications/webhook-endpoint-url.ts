// Which URLs a webhook endpoint may have: https anywhere, plain http only to this machine (development, tests).
import { AppError } from '../../domain/errors.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The URL normalised, or `webhook_url_invalid` (422). */
export function parseWebhookEndpointUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw webhookUrlInvalid();
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  // Credentials in the URL would end up in logs and in the admin console.
  if (!allowed || url.username || url.password || url.hash) throw webhookUrlInvalid();
  return url.toString();
}

const urlRule = {
  ja: 'Webhook の送信先は https:// で始まる URL で指定してください（ユーザー名・パスワード・# は使えません）。',
  en: 'A webhook endpoint must be an https:// URL without a user name, password or fragment.',
};

function webhookUrlInvalid(): AppError {
  return new AppError({
    code: 'webhook_url_invalid',
    status: 422,
    message: urlRule,
    fields: [{ path: 'url', code: 'webhook_url_invalid', message: urlRule }],
  });
}
