// Creates the `default` billing profile with seed 003's rules the first time billing profiles are read or written.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { billingProfiles, billingProfileVersions } from '../../db/schema/billing-profiles.js';
import { defaultBillingProfileRules } from '../../domain/billing-calendar.js';
import { toDate } from '../../domain/clock.js';
import { recordAudit } from '../audit/index.js';

/** The code of the profile every store has. */
export const defaultBillingProfileCode = 'default';

/** The month the default profile's first version is in force from: every month billing can name. */
export const defaultBillingProfileFrom = '2000-01';

/**
 * Inserts the default profile and its first version unless it exists; safe to call from any number of
 * requests at once, since only the insert that wins the primary key writes the version and the audit.
 */
export async function ensureDefaultBillingProfile(db: DbOrTx, now: Temporal.Instant): Promise<void> {
  const at = toDate(now);
  const inserted = await db
    .insert(billingProfiles)
    .values({ code: defaultBillingProfileCode, name: '標準', createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ code: billingProfiles.code });
  if (inserted.length === 0) return;
  await db
    .insert(billingProfileVersions)
    .values({
      profileCode: defaultBillingProfileCode,
      effectiveFrom: defaultBillingProfileFrom,
      rules: defaultBillingProfileRules,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing();
  await recordAudit(db, {
    actor: { kind: 'system', id: null },
    action: 'billing.profile.create_default',
    targetType: 'billing_profile',
    targetId: defaultBillingProfileCode,
    after: { effectiveFrom: defaultBillingProfileFrom, rules: defaultBillingProfileRules },
    at: now,
  });
}
