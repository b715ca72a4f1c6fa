// Loads a billing profile's versions as the billing calendar's domain rules.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import type { BillingProfileVersionRules } from '../../domain/billing-calendar.js';
import { getBillingProfile } from './get-billing-profile.js';

/** Every version of the profile, as months and rules; `billing_profile_not_found` for an unknown code. */
export async function loadBillingProfileVersions(
  db: Db,
  code: string,
  now: Temporal.Instant,
): Promise<BillingProfileVersionRules[]> {
  const profile = await getBillingProfile(db, code, now);
  return profile.versions.map((v) => ({
    effectiveFrom: Temporal.PlainYearMonth.from(v.effectiveFrom),
    rules: v.rules,
  }));
}
