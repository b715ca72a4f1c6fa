// Reads one billing profile with every version of its rules, oldest month first.
import { asc, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { billingProfiles, billingProfileVersions } from '../../db/schema/billing-profiles.js';
import type { BillingProfileRules } from '../../domain/billing-calendar.js';
import { billingProfileErrors } from './billing-profile-rules.js';
import { ensureDefaultBillingProfile } from './ensure-default-billing-profile.js';

/** One version of a profile as stored: in force from `effectiveFrom` (YYYY-MM). */
export interface BillingProfileVersion {
  effectiveFrom: string;
  rules: BillingProfileRules;
  updatedAt: Date;
}

/** A billing profile and its versions. */
export interface BillingProfile {
  code: string;
  name: string;
  updatedAt: Date;
  versions: BillingProfileVersion[];
}

/** The profile with its versions (oldest month first), or `billing_profile_not_found`. */
export async function getBillingProfile(
  db: Db,
  code: string,
  now: Temporal.Instant,
): Promise<BillingProfile> {
  await ensureDefaultBillingProfile(db, now);
  const [profile] = await db.select().from(billingProfiles).where(eq(billingProfiles.code, code));
  if (!profile) throw billingProfileErrors.notFound(code);
  const versions = await db
    .select({
      effectiveFrom: billingProfileVersions.effectiveFrom,
      rules: billingProfileVersions.rules,
      updatedAt: billingProfileVersions.updatedAt,
    })
    .from(billingProfileVersions)
    .where(eq(billingProfileVersions.profileCode, code))
    .orderBy(asc(billingProfileVersions.effectiveFrom));
  return { code: profile.code, name: profile.name, updatedAt: profile.updatedAt, versions };
}
