// The invoice issue sweep as a flow: drafts become issued on their confirmation date.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { issueDueInvoices } from '../modules/billing/index.js';

/** Issues every draft invoice due by `now`; returns how many. */
export async function issueInvoicesSweep(ctx: AppContext, now: Temporal.Instant): Promise<number> {
  const issued = await issueDueInvoices(ctx.db, { now });
  if (issued > 0) ctx.logger.info({ count: issued }, 'invoices issued');
  return issued;
}
