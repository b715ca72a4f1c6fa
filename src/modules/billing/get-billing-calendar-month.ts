// One billing month's dates under the profile version in force for it, for the billing close.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { type BillingMonthDates, billingMonthDates, rulesForMonth } from '../../domain/billing-calendar.js';
import { loadBusinessCalendar } from '../store/index.js';
import { billingProfileErrors, parseBillingMonth } from './billing-profile-rules.js';
import { loadBillingProfileVersions } from './load-billing-profile-versions.js';

/**
 * One billing month's dates under the version of the profile in force for it: what the billing close
 * reads to know when a month closes, is confirmed, shows on My Page and is due per payment method.
 */
export async function getBillingCalendarMonth(
  db: Db,
  input: { code: string; month: string; now: Temporal.Instant },
): Promise<BillingMonthDates> {
  const month = parseBillingMonth(input.month);
  const rules = rulesForMonth(await loadBillingProfileVersions(db, input.code, input.now), month);
  // Profiles other than the default may start later; a month before that has no rules to bill by.
  if (rules === null) throw billingProfileErrors.noRulesForMonth(input.code, month.toString());
  return billingMonthDates(month, rules, await loadBusinessCalendar(db));
}
