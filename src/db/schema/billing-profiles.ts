// Tables of the billing module's calendar: billing profiles and their versions, each in force from a month.
import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { BillingProfileRules } from '../../domain/billing-calendar.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A billing profile: a named set of closing, confirmation, My Page and due-date rules (`default` first). */
export const billingProfiles = pgTable(
  'billing_profiles',
  {
    /** The profile's stable key, e.g. `default`; also its address in the admin API. */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [check('billing_profiles_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9-]{0,39}$'`)],
);

/**
 * One version of a profile's rules, in force from `effective_from` (YYYY-MM) until the next version's
 * month; a month already under a version keeps it when a later one is added.
 */
export const billingProfileVersions = pgTable(
  'billing_profile_versions',
  {
    profileCode: text('profile_code')
      .notNull()
      .references(() => billingProfiles.code),
    effectiveFrom: text('effective_from').notNull(),
    rules: jsonb('rules').$type<BillingProfileRules>().notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.profileCode, t.effectiveFrom] }),
    check('billing_profile_versions_month_format', sql`${t.effectiveFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
