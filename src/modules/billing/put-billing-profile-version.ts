// Sets a billing profile's rules from a month on (creating the profile if new), audited; earlier months keep theirs.
import { isDeepStrictEqual } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { billingProfiles, billingProfileVersions } from '../../db/schema/billing-profiles.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import {
  billingProfileCodeSchema,
  billingProfileErrors,
  billingProfileRulesSchema,
  parseBillingMonth,
} from './billing-profile-rules.js';
import { ensureDefaultBillingProfile } from './ensure-default-billing-profile.js';
import { type BillingProfile, getBillingProfile } from './get-billing-profile.js';

export interface PutBillingProfileVersionInput {
  code: string;
  name: string;
  /** The first month (YYYY-MM) the rules apply to: this month or a later one. */
  effectiveFrom: string;
  rules: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

const putSchema = z.object({
  code: billingProfileCodeSchema,
  name: z.string().trim().min(1).max(100),
  rules: billingProfileRulesSchema,
});

/**
 * Writes the version in force from `effectiveFrom`, replacing one that starts in the same month; months
 * before it keep their rules. A bad field, a past month or an unknown code with no name changes nothing.
 */
export async function putBillingProfileVersion(
  db: Db,
  input: PutBillingProfileVersionInput,
): Promise<BillingProfile> {
  const parsed = putSchema.safeParse({ code: input.code, name: input.name, rules: input.rules });
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const { code, name, rules } = parsed.data;
  const month = parseBillingMonth(input.effectiveFrom).toString();
  const current = businessDateAt(input.now).toPlainYearMonth();
  // A month that has begun may already be closed; a past one certainly is, and its invoices keep its rules.
  if (Temporal.PlainYearMonth.compare(Temporal.PlainYearMonth.from(month), current) < 0) {
    throw billingProfileErrors.monthPast(month, current.toString());
  }
  const at = toDate(input.now);
  await ensureDefaultBillingProfile(db, input.now);
  await db.transaction(async (tx) => {
    await tx
      .insert(billingProfiles)
      .values({ code, name, createdAt: at, updatedAt: at })
      .onConflictDoNothing();
    // The profile row is the lock: two operators writing the same profile at once are put in order, so
    // each audit entry's `before` is what the other left.
    const [profile] = await tx
      .select({ name: billingProfiles.name })
      .from(billingProfiles)
      .where(eq(billingProfiles.code, code))
      .for('update');
    const [previous] = await tx
      .select({ rules: billingProfileVersions.rules })
      .from(billingProfileVersions)
      .where(
        and(eq(billingProfileVersions.profileCode, code), eq(billingProfileVersions.effectiveFrom, month)),
      );
    if (profile?.name === name && previous && isDeepStrictEqual(previous.rules, rules)) return;
    await tx.update(billingProfiles).set({ name, updatedAt: at }).where(eq(billingProfiles.code, code));
    await tx
      .insert(billingProfileVersions)
      .values({ profileCode: code, effectiveFrom: month, rules, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [billingProfileVersions.profileCode, billingProfileVersions.effectiveFrom],
        set: { rules: sql`excluded.rules`, updatedAt: at },
      });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'billing.profile.put_version',
      targetType: 'billing_profile',
      targetId: code,
      before: { name: profile?.name ?? null, effectiveFrom: month, rules: previous?.rules ?? null },
      after: { name, effectiveFrom: month, rules },
      at: input.now,
    });
  });
  return getBillingProfile(db, code, input.now);
}
