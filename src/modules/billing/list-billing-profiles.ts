// Lists the billing profiles, `default` included, by code.
import { asc } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { billingProfiles } from '../../db/schema/billing-profiles.js';
import { ensureDefaultBillingProfile } from './ensure-default-billing-profile.js';

/** A profile's name, without its rules. */
export interface BillingProfileSummary {
  code: string;
  name: string;
  updatedAt: Date;
}

/** Every billing profile, ordered by code. */
export async function listBillingProfiles(db: Db, now: Temporal.Instant): Promise<BillingProfileSummary[]> {
  await ensureDefaultBillingProfile(db, now);
  return db
    .select({ code: billingProfiles.code, name: billingProfiles.name, updatedAt: billingProfiles.updatedAt })
    .from(billingProfiles)
    .orderBy(asc(billingProfiles.code));
}
