// The trials sweep: reminder mails N days before a trial's last day, then conversion or end once it has passed.
import { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { businessDateAt } from '../domain/clock.js';
import { nextTermStart } from '../domain/contract-rules.js';
import { claimDueReminders, endTrial, findDueTrials, trialConverts } from '../modules/contracts/index.js';
import { getMemberProfile } from '../modules/identity/auth-index.js';
import { enqueueMail } from '../modules/notifications/index.js';
import { getStoreSettings } from '../modules/store/index.js';

const BATCH = 200;

function mailLocale(locale: string): 'ja' | 'en' {
  return locale === 'en' ? 'en' : 'ja';
}

/** Sends due trial reminders and converts or ends every trial whose last day is before today; returns how many things it did. */
export async function contractTrialsSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const today = businessDateAt(now);
  let done = 0;
  const settings = await getStoreSettings(ctx.db);
  if (settings.trialReminderDays > 0) {
    done += await ctx.db.transaction(async (tx) => {
      const claimed = await claimDueReminders(tx, {
        kind: 'trial_end',
        today,
        daysBefore: [settings.trialReminderDays],
        now,
      });
      for (const r of claimed) {
        const profile = await getMemberProfile(tx, r.memberId);
        if (!profile.email) continue;
        const locale = mailLocale(r.locale);
        await enqueueMail(tx, {
          template: 'contract-trial-ending',
          locale,
          to: profile.email,
          payload: {
            name: profile.name,
            contractNumber: r.number,
            productName: locale === 'en' ? r.productNameEn : r.productNameJa,
            trialEnd: r.targetDate,
            // Says what endTrial will do: a trial without a payment method ends whatever the product says.
            atEnd: trialConverts(r.trialAtEnd, r.paymentMethod) ? 'convert' : 'end',
            paidStart: nextTermStart(Temporal.PlainDate.from(r.targetDate)).toString(),
          },
          now,
        });
      }
      return claimed.length;
    });
  }
  for (;;) {
    const due = await findDueTrials(ctx.db, today, BATCH);
    if (due.length === 0) break;
    let moved = 0;
    for (const contractId of due) {
      const result = await ctx.db.transaction(async (tx) => {
        const outcome = await endTrial(tx, { contractId, today, now });
        if (!outcome) return 0;
        const c = outcome.contract;
        const profile = await getMemberProfile(tx, c.memberId);
        if (profile.email) {
          const locale = mailLocale(c.locale);
          await enqueueMail(tx, {
            template: 'contract-trial-ended',
            locale,
            to: profile.email,
            payload: {
              name: profile.name,
              contractNumber: c.number,
              productName: locale === 'en' ? c.productNameEn : c.productNameJa,
              trialEnd: c.trialEnd!,
              outcome: outcome.outcome,
              termStart: outcome.outcome === 'converted' ? c.currentTermStart : null,
              termEnd: outcome.outcome === 'converted' ? c.currentTermEnd : null,
            },
            now,
          });
        }
        return 1;
      });
      moved += result;
    }
    done += moved;
    // Rows another node holds are skipped by the status re-check; stop rather than spin on them.
    if (moved === 0 || due.length < BATCH) break;
  }
  if (done > 0) ctx.logger.info({ count: done }, 'trials reminded, converted or ended');
  return done;
}
