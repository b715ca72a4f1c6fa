// Route helper: counts a request against its endpoint's rate limits (per client address and per account).
import type { Context } from 'hono';
import { type RateLimitedEndpoint, rateLimits, takeEndpointLimits } from '../modules/rate-limits/index.js';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './openapi-app.js';

/**
 * Throws `rate_limited` (429 with `Retry-After`) when the request's address or the account it names
 * (already normalised by the caller: a login ID key, a lower-cased email, a link token) is past the
 * endpoint's limit. Call it first in the handler, before any work or mail.
 */
export async function limitRequest(
  c: Context<AppEnv>,
  endpoint: RateLimitedEndpoint,
  account: string | null,
): Promise<void> {
  const ctx = c.get('ctx');
  await takeEndpointLimits(ctx.db, {
    limits: rateLimits[endpoint],
    address: clientAddress(c, ctx.config.trustProxy),
    account,
    now: ctx.clock.now(),
  });
}

/** An email address as a rate-limit key: NFKC, trimmed, lower case. */
export function emailKey(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}
