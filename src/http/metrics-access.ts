// Who may read /metrics: the holder of METRICS_TOKEN, or, without a token, only a client on this machine.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { AppError } from '../domain/errors.js';
import { kindOfAddress } from '../domain/network-address.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './openapi-app.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Null when the caller may read the metrics, else 401 `metrics_token_required` or 403 `metrics_loopback_only`. */
export function metricsRefusal(c: Context<AppEnv>): AppError | null {
  const { config } = c.get('ctx');
  if (config.metricsToken !== undefined) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ ]+(.+)$/i.exec(header);
    if (match && sameSecret(match[1]!.trim(), config.metricsToken)) return null;
    return new AppError({
      code: 'metrics_token_required',
      status: 401,
      message: {
        ja: 'メトリクスの取得には METRICS_TOKEN の Bearer トークンが必要です。',
        en: 'Reading the metrics needs the METRICS_TOKEN as a Bearer token.',
      },
    });
  }
  // Behind a trusted proxy the proxy's own loopback address says nothing about the client, so its word is used.
  const address = clientAddress(c, config.trustProxy);
  if (address !== null && kindOfAddress(address) === 'loopback') return null;
  return new AppError({
    code: 'metrics_loopback_only',
    status: 403,
    message: {
      ja: 'METRICS_TOKEN が設定されていないため、メトリクスはこのサーバー自身からのみ取得できます。',
      en: 'Without METRICS_TOKEN the metrics answer only clients on this machine.',
    },
  });
}
