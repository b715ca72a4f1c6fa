// When an invoice shows on My Page and when it is due, from its billing profile's calendar and payment method.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import {
  type BillingMonthDates,
  billingMonthDates,
  type ConfirmationDates,
  rulesForMonth,
} from '../../domain/billing-calendar.js';
import type { BusinessCalendar } from '../../domain/calendar.js';
import { type ConfirmationRule, confirmationRules, type PaymentMethodKey } from '../../domain/catalog.js';
import type { BilingualMessage } from '../../domain/errors.js';
import { paymentMethodLabels } from '../ordering/index.js';
import { loadBusinessCalendar } from '../store/index.js';
import { loadBillingProfileVersions } from './load-billing-profile-versions.js';

/** An invoice's member-facing dates: null when its profile has no rules for the month. */
export interface InvoiceMemberDates {
  /** The first business date (Asia/Tokyo) the invoice shows on My Page: the month's reflection date. */
  visibleFrom: string;
  /** When the payment method takes or expects the money; null when nothing is to be paid by a method. */
  dueDate: string | null;
}

/** The payment method an invoice is paid by, or null (nothing recorded: a free or trial contract). */
export type InvoicePaymentMethod = PaymentMethodKey | null;

const noPaymentMethodLabel: BilingualMessage = { ja: 'お支払い方法なし', en: 'No payment method' };

/** The label of an invoice's payment method, never its internal code alone. */
export function invoicePaymentMethodLabel(method: InvoicePaymentMethod): BilingualMessage {
  return method === null ? noPaymentMethodLabel : paymentMethodLabels[method];
}

/** Narrows a stored contract payment method to a known key (anything else counts as none). */
export function invoicePaymentMethodOf(stored: string | null): InvoicePaymentMethod {
  return stored !== null && stored in paymentMethodLabels ? (stored as PaymentMethodKey) : null;
}

/** The due date of a confirmation's amount for a payment method (agency: the profile's first closing). */
export function dueDateFor(
  dates: ConfirmationDates,
  method: InvoicePaymentMethod,
): Temporal.PlainDate | null {
  switch (method) {
    case 'card':
      return dates.card;
    case 'wallet':
      return dates.wallet;
    case 'direct_debit':
      return dates.directDebit;
    case 'bank_transfer':
      return dates.bankTransfer.due;
    case 'agency':
      return dates.agency[0]?.due ?? null;
    case null:
      return null;
  }
}

/** Narrows a stored invoice confirmation rule to a known rule (anything else counts as `on_order`). */
export function invoiceConfirmationRuleOf(stored: string | null | undefined): ConfirmationRule {
  return (confirmationRules as readonly string[]).includes(stored ?? '')
    ? (stored as ConfirmationRule)
    : 'on_order';
}

/**
 * Resolves invoices' member-facing dates, reading each profile's versions and the business calendar once
 * per resolver. An invoice follows its month's dates of the confirmation rule that dated it (the close
 * stores it: its latest-confirmed line's plan rule, `on_order` for charges fixed by the order): shown from
 * that confirmation's reflection date, due by that confirmation's date of its payment method.
 */
export function invoiceMemberDatesResolver(db: Db, now: Temporal.Instant) {
  let calendar: Promise<BusinessCalendar> | null = null;
  const versions = new Map<string, ReturnType<typeof loadBillingProfileVersions>>();
  const months = new Map<string, BillingMonthDates | null>();

  async function monthDates(profileCode: string, month: string): Promise<BillingMonthDates | null> {
    const key = `${profileCode}|${month}`;
    if (months.has(key)) return months.get(key) ?? null;
    calendar ??= loadBusinessCalendar(db);
    let loaded = versions.get(profileCode);
    if (!loaded) {
      loaded = loadBillingProfileVersions(db, profileCode, now);
      versions.set(profileCode, loaded);
    }
    const yearMonth = Temporal.PlainYearMonth.from(month);
    const rules = rulesForMonth(await loaded, yearMonth);
    const dates = rules === null ? null : billingMonthDates(yearMonth, rules, await calendar);
    months.set(key, dates);
    return dates;
  }

  /** The dates of an invoice of `profileCode` billing `month` (YYYY-MM), paid by `method`. */
  return async function resolve(
    profileCode: string,
    month: string,
    method: InvoicePaymentMethod,
    rule: string | null = 'on_order',
  ): Promise<InvoiceMemberDates | null> {
    const dates = await monthDates(profileCode, month);
    const wanted = invoiceConfirmationRuleOf(rule);
    const confirmation = dates?.confirmations.find((c) => c.rule === wanted);
    if (!confirmation) return null;
    return {
      visibleFrom: confirmation.reflection.toString(),
      dueDate: dueDateFor(confirmation, method)?.toString() ?? null,
    };
  };
}
