// Catalog rules as data: product kinds, the product status machine, terms, quantity rules and the keys billing reads later.
import { AppError } from './errors.js';

export const productKinds = ['cloud', 'saas', 'hosting', 'software', 'service', 'other'] as const;
export type ProductKind = (typeof productKinds)[number];

export const productStatuses = ['draft', 'published', 'retired'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/**
 * Where a product's status may go. A draft is published or dropped; a published product is retired
 * (existing contracts keep it, the store stops selling it) or taken back to draft for rework while
 * nobody can buy it; a retired product may be sold again.
 */
export const productTransitions: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  draft: ['published', 'retired'],
  published: ['retired', 'draft'],
  retired: ['published'],
};

export const productStatusLabels: Readonly<Record<'ja' | 'en', Readonly<Record<ProductStatus, string>>>> = {
  ja: { draft: '下書き', published: '公開中', retired: '販売終了' },
  en: { draft: 'draft', published: 'published', retired: 'retired' },
};

/** Throws `product_transition_not_allowed` (409) unless the machine allows the step. */
export function assertProductTransition(from: ProductStatus, to: ProductStatus): void {
  if (productTransitions[from].includes(to)) return;
  throw new AppError({
    code: 'product_transition_not_allowed',
    status: 409,
    message: {
      ja: `商品の状態を「${productStatusLabels.ja[from]}」から「${productStatusLabels.ja[to]}」に変更することはできません。`,
      en: `A product cannot go from "${productStatusLabels.en[from]}" to "${productStatusLabels.en[to]}".`,
    },
  });
}

/** Payment methods a product may allow; whether a member can use one now is the payment module's question. */
export const paymentMethodKeys = ['card', 'bank_transfer', 'direct_debit', 'agency', 'wallet'] as const;
export type PaymentMethodKey = (typeof paymentMethodKeys)[number];

/** When a plan is billed: before the period it covers, or after it (usage, cloud). */
export const billingTimings = ['in_advance', 'in_arrears'] as const;
export type BillingTiming = (typeof billingTimings)[number];

/**
 * When billing confirms the amount of a period (seed 001): on the order, the 13th of the usage month,
 * of the next month, or of the month after next. Billing interprets the key; the catalog only stores it.
 */
export const confirmationRules = [
  'on_order',
  'usage_month_13',
  'next_month_13',
  'month_after_next_13',
] as const;
export type ConfirmationRule = (typeof confirmationRules)[number];

export const renewalModes = ['auto', 'manual'] as const;
export type RenewalMode = (typeof renewalModes)[number];

/** What leaving before the minimum term costs: the remaining months × the monthly fee, a fixed amount, or nothing. */
export const earlyTerminationKinds = ['none', 'remaining_months', 'fixed'] as const;
export type EarlyTerminationKind = (typeof earlyTerminationKinds)[number];

export const orderFieldTypes = [
  'text',
  'textarea',
  'number',
  'email',
  'domain',
  'hostname',
  'select',
] as const;
export type OrderFieldType = (typeof orderFieldTypes)[number];

/** Usage tiers: graduated charges each tier's share at its price; volume charges all units at the price of the tier reached. */
export const tierModes = ['graduated', 'volume'] as const;
export type TierMode = (typeof tierModes)[number];

/**
 * A contract term: `monthly` (one month, renewed every month until cancelled) or a fixed `Nm` term
 * of N months (`3m`, `12m`, `36m`).
 */
export type TermKey = 'monthly' | `${number}m`;

const termPattern = /^(monthly|([1-9]\d?)m)$/;

/** Whether a string names a term; fixed terms run from 1 to 99 months. */
export function isTermKey(value: string): value is TermKey {
  return termPattern.test(value);
}

/** How many months one term covers: 1 for `monthly`, N for `Nm`. */
export function termMonths(term: TermKey): number {
  const match = termPattern.exec(term);
  if (!match) throw new RangeError(`not a term: ${term}`);
  return match[2] ? Number(match[2]) : 1;
}

/** Terms as people read them. */
export function termLabel(term: TermKey, locale: 'ja' | 'en'): string {
  if (term === 'monthly') return locale === 'ja' ? '月額（毎月更新）' : 'Monthly (renews every month)';
  const months = termMonths(term);
  if (locale === 'ja') return `${months}ヶ月`;
  return months === 1 ? '1 month' : `${months} months`;
}

/** Orders terms for display: monthly first, then fixed terms by length. */
export function compareTerms(a: TermKey, b: TermKey): number {
  const rank = (t: TermKey) => (t === 'monthly' ? 0 : termMonths(t));
  return rank(a) - rank(b);
}

/** How many of something may be bought: fixed to one is `{ min: 1, max: 1, step: 1 }`. */
export interface QuantityRule {
  min: number;
  max: number;
  step: number;
}

export const FIXED_ONE: QuantityRule = { min: 1, max: 1, step: 1 };

/** Whether a quantity satisfies a rule: a whole number within [min, max] reached from min in steps. */
export function quantityAllowed(rule: QuantityRule, quantity: number): boolean {
  return (
    Number.isSafeInteger(quantity) &&
    quantity >= rule.min &&
    quantity <= rule.max &&
    (quantity - rule.min) % rule.step === 0
  );
}

/** Whether a rule itself makes sense: 0 ≤ min ≤ max, step ≥ 1, all whole numbers. */
export function quantityRuleValid(rule: QuantityRule): boolean {
  return (
    Number.isSafeInteger(rule.min) &&
    Number.isSafeInteger(rule.max) &&
    Number.isSafeInteger(rule.step) &&
    rule.min >= 0 &&
    rule.max >= rule.min &&
    rule.step >= 1
  );
}

/** Slugs in URLs: lower-case letters, digits and hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Codes of plans, options, usage components and order fields: stable names the API and data files use. */
export const codePattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
