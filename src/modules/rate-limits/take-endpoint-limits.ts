// Applies an endpoint's two counters, per client address and per account, to one request.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { EndpointLimits } from './rate-limit-rules.js';
import { takeRateLimit } from './take-rate-limit.js';

export interface TakeEndpointLimitsInput {
  limits: EndpointLimits;
  /**
   * The client's address; null only for in-process requests without a socket (tests, internal
   * callers), which have no address to count — the per-account counter still applies.
   */
  address: string | null;
  /** The normalised account key (login ID, email, link); null when the request names none. */
  account: string | null;
  now: Temporal.Instant;
}

/**
 * Counts the request per address, then per account; throws `rate_limited` at the first counter past
 * its limit. A request refused per address is not counted against the account it named, so one noisy
 * address cannot use up a member's allowance.
 */
export async function takeEndpointLimits(db: DbOrTx, input: TakeEndpointLimitsInput): Promise<void> {
  if (input.address !== null)
    await takeRateLimit(db, { rule: input.limits.perAddress, key: input.address, now: input.now });
  if (input.account !== null && input.account !== '')
    await takeRateLimit(db, { rule: input.limits.perAccount, key: input.account, now: input.now });
}
