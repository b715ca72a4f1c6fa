// The billing calendar of a profile: twelve months' close, confirmation, My Page, sending and due dates.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { type BillingMonthDates, billingSchedule } from '../../domain/billing-calendar.js';
import { loadBusinessCalendar } from '../store/index.js';
import { parseBillingMonth } from './billing-profile-rules.js';
import { loadBillingProfileVersions } from './load-billing-profile-versions.js';

/**
 * The twelve billing months from `from` (YYYY-MM) under the profile's versions and the store's business
 * calendar (holidays and closure days), the same dates the billing close uses.
 */
export async function getBillingCalendarSchedule(
  db: Db,
  input: { code: string; from: string; now: Temporal.Instant },
): Promise<BillingMonthDates[]> {
  const from = parseBillingMonth(input.from);
  const versions = await loadBillingProfileVersions(db, input.code, input.now);
  return billingSchedule(from, versions, await loadBusinessCalendar(db));
}
