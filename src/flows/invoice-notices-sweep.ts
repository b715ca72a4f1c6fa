// The invoice mail sweep: "invoice issued" once per invoice from its reflection date, and a reminder before an unpaid invoice's due date.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { businessDateAt } from '../domain/clock.js';
import {
  claimInvoiceNotice,
  findDueInvoiceNotices,
  type InvoiceNoticeCandidate,
  type InvoiceNoticeKind,
} from '../modules/billing/index.js';
import { getMemberProfile } from '../modules/identity/auth-index.js';
import { enqueueMail } from '../modules/notifications/index.js';

const BATCH = 500;

async function send(
  ctx: AppContext,
  kind: InvoiceNoticeKind,
  c: InvoiceNoticeCandidate,
  now: Temporal.Instant,
) {
  // The claim and the mail commit together: a re-run, a crash or a second node sends nothing twice.
  return ctx.db.transaction(async (tx) => {
    if (!(await claimInvoiceNotice(tx, { invoiceId: c.invoiceId, kind, now }))) return 0;
    const profile = await getMemberProfile(tx, c.memberId);
    if (!profile.email) return 1;
    const locale = profile.locale === 'en' ? 'en' : 'ja';
    if (kind === 'issued') {
      await enqueueMail(tx, {
        template: 'invoice-issued',
        locale,
        to: profile.email,
        payload: {
          name: profile.name,
          invoiceNumber: c.number,
          month: c.month,
          total: c.total,
          dueDate: c.dueDate,
          paymentMethod: c.paymentMethodLabel[locale],
        },
        now,
      });
    } else if (c.dueDate !== null) {
      await enqueueMail(tx, {
        template: 'invoice-due-reminder',
        locale,
        to: profile.email,
        payload: {
          name: profile.name,
          invoiceNumber: c.number,
          total: c.total,
          dueDate: c.dueDate,
          paymentMethod: c.paymentMethodLabel[locale],
        },
        now,
      });
    }
    return 1;
  });
}

/** Sends every invoice mail due by `now`; returns how many invoices were mailed. */
export async function invoiceNoticesSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const today = businessDateAt(now);
  let done = 0;
  for (const kind of ['issued', 'due_reminder'] as const) {
    let afterId = '';
    for (;;) {
      const page = await findDueInvoiceNotices(ctx.db, { kind, today, now, afterId, limit: BATCH });
      for (const c of page.due) done += await send(ctx, kind, c, now);
      if (page.lastId === null) break;
      afterId = page.lastId;
    }
  }
  if (done > 0) ctx.logger.info({ count: done }, 'invoice mails queued');
  return done;
}
