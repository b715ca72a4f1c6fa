// The renewal sweep: automatic renewals and paid manual renewals into their next terms (set-based), renewal reminders, and expiry of unpaid manual renewals.
import { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { businessDateAt } from '../domain/clock.js';
import { manualRenewalGraceEnd, renewalWindowOpens } from '../domain/contract-rules.js';
import {
  applyPaidRenewals,
  claimDueReminders,
  expireUnpaidRenewal,
  findUnpaidRenewals,
  renewDueContracts,
} from '../modules/contracts/index.js';
import { getMemberProfile } from '../modules/identity/auth-index.js';
import { enqueueMail } from '../modules/notifications/index.js';
import { getStoreSettings } from '../modules/store/index.js';

/** Contracts per renewal transaction: a few statements each, whatever the size. */
export const RENEWAL_BATCH = 2000;

function mailLocale(locale: string): 'ja' | 'en' {
  return locale === 'en' ? 'en' : 'ja';
}

/** Renews every contract due by `now` (repeating while a batch was full or a contract is still behind), in batches of `batch`. */
export async function renewDue(
  ctx: AppContext,
  now: Temporal.Instant,
  batch = RENEWAL_BATCH,
): Promise<number> {
  const today = businessDateAt(now);
  let total = 0;
  for (;;) {
    const renewed = await ctx.db.transaction(async (tx) => {
      const paid = await applyPaidRenewals(tx, { today, now, limit: batch });
      const auto = await renewDueContracts(tx, { today, now, limit: batch });
      return paid.length + auto.renewed.length + auto.charged.length + auto.stopped.length;
    });
    total += renewed;
    if (renewed === 0) break;
  }
  return total;
}

/** The whole sweep; returns how many contracts it renewed, reminded or expired. */
export async function contractRenewalsSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const today = businessDateAt(now);
  const settings = await getStoreSettings(ctx.db);
  let done = await renewDue(ctx, now);

  done += await ctx.db.transaction(async (tx) => {
    const claimed = await claimDueReminders(tx, {
      kind: 'renewal',
      today,
      daysBefore: settings.renewalReminderDays,
      now,
    });
    for (const r of claimed) {
      const profile = await getMemberProfile(tx, r.memberId);
      if (!profile.email) continue;
      const locale = mailLocale(r.locale);
      const termEnd = Temporal.PlainDate.from(r.targetDate);
      await enqueueMail(tx, {
        template: 'contract-renewal-reminder',
        locale,
        to: profile.email,
        payload: {
          name: profile.name,
          contractNumber: r.number,
          productName: locale === 'en' ? r.productNameEn : r.productNameJa,
          termEnd: r.targetDate,
          windowOpens: renewalWindowOpens(termEnd, r.renewalWindowMonths).toString(),
          graceEnd: manualRenewalGraceEnd(termEnd, settings.renewalGraceDays).toString(),
        },
        now,
      });
    }
    return claimed.length;
  });

  for (;;) {
    const due = await findUnpaidRenewals(ctx.db, { today, graceDays: settings.renewalGraceDays, limit: 200 });
    let expired = 0;
    for (const contractId of due) {
      expired += await ctx.db.transaction(async (tx) => {
        const row = await expireUnpaidRenewal(tx, {
          contractId,
          today,
          graceDays: settings.renewalGraceDays,
          now,
        });
        if (!row) return 0;
        const profile = await getMemberProfile(tx, row.memberId);
        if (profile.email) {
          const locale = mailLocale(row.locale);
          await enqueueMail(tx, {
            template: 'contract-expired',
            locale,
            to: profile.email,
            payload: {
              name: profile.name,
              contractNumber: row.number,
              productName: locale === 'en' ? row.productNameEn : row.productNameJa,
              termEnd: row.currentTermEnd,
            },
            now,
          });
        }
        return 1;
      });
    }
    done += expired;
    if (expired === 0 || due.length < 200) break;
  }
  if (done > 0) ctx.logger.info({ count: done }, 'contracts renewed, reminded or expired');
  return done;
}
