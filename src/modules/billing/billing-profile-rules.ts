// What an operator may set in a billing profile, validated once here for the API, the console and any caller.
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { agencyClosings, type BillingProfileRules, closingRules } from '../../domain/billing-calendar.js';
import { AppError } from '../../domain/errors.js';
import { bilingualIssue } from '../../domain/validation.js';

// Days 1–28 exist in every month, so a rule never falls off the end of February.
const dayOfMonth = z.number().int().min(1).max(28);

/** A billing profile's rules: closing, My Page reflection day and the due rule of each payment method. */
export const billingProfileRulesSchema = z
  .object({
    closing: z.enum(closingRules),
    reflectionDay: dayOfMonth,
    directDebit: z.object({ day: dayOfMonth }).strict(),
    bankTransfer: z.object({ sendDay: dayOfMonth, dueAfterDays: z.number().int().min(1).max(90) }).strict(),
    agency: z
      .object({
        closings: z
          .array(z.enum(agencyClosings))
          .min(1)
          .refine(
            (list) => new Set(list).size === list.length,
            bilingualIssue('duplicate_agency_closing', {
              ja: '同じ締め日が重複しています。',
              en: 'An agency closing is listed twice.',
            }),
          ),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<BillingProfileRules>;

/** A profile's code: lower-case letters, digits and hyphens, as in `default` or `agency-20th`. */
export const billingProfileCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

// holiday_jp knows holidays up to 2050; a schedule from 2049-12 still ends (due dates included) inside it.
const firstMonth = Temporal.PlainYearMonth.from('2000-01');
const lastMonth = Temporal.PlainYearMonth.from('2049-12');

/** The errors of billing profiles, each with a stable code. */
export const billingProfileErrors = {
  notFound: (code: string) =>
    new AppError({
      code: 'billing_profile_not_found',
      status: 404,
      message: {
        ja: `請求プロファイル「${code}」はありません。`,
        en: `There is no billing profile "${code}".`,
      },
    }),
  invalidMonth: (value: string) =>
    new AppError({
      code: 'invalid_billing_month',
      status: 422,
      message: {
        ja: `月 "${value}" は 2000-01 から 2049-12 までの YYYY-MM 形式で指定してください。`,
        en: `"${value}" is not a month from 2000-01 to 2049-12 in YYYY-MM form.`,
      },
    }),
  noRulesForMonth: (code: string, month: string) =>
    new AppError({
      code: 'billing_profile_no_rules_for_month',
      status: 409,
      message: {
        ja: `請求プロファイル「${code}」には ${month} に適用されるルールがありません。`,
        en: `Billing profile "${code}" has no rules in force for ${month}.`,
      },
    }),
  monthPast: (month: string, current: string) =>
    new AppError({
      code: 'billing_profile_month_past',
      status: 409,
      message: {
        ja: `${month} は過ぎた月です。請求ルールの変更は今月（${current}）以降から適用できます。`,
        en: `${month} has passed: a change of billing rules applies from this month (${current}) on.`,
      },
    }),
};

/** A month in YYYY-MM form within the years the holiday data covers, or an `invalid_billing_month` error. */
export function parseBillingMonth(value: string): Temporal.PlainYearMonth {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw billingProfileErrors.invalidMonth(value);
  const month = Temporal.PlainYearMonth.from(value);
  if (
    Temporal.PlainYearMonth.compare(month, firstMonth) < 0 ||
    Temporal.PlainYearMonth.compare(month, lastMonth) > 0
  ) {
    throw billingProfileErrors.invalidMonth(value);
  }
  return month;
}
