// The one price engine: a product definition and a choice (plan, term, options, quantities, expected usage) → every line and the totals.
import {
  isTermKey,
  type QuantityRule,
  quantityAllowed,
  type TermKey,
  termLabel,
  termMonths,
} from './catalog.js';
import { AppError, type BilingualMessage } from './errors.js';
import { multiplyYen, sumYen, type Yen, yen } from './money.js';
import {
  type Bilingual,
  chargeUsage,
  type PriceableOption,
  type PriceablePlan,
  type PriceableProduct,
  type TierCharge,
  usageTotal,
} from './pricing.js';
import { calculateDocumentTax, type DocumentTax, type TaxRateKey, type TaxRounding } from './tax.js';

/** What the customer chose. Options and usage components are named by their codes. */
export interface EstimateRequest {
  plan: string;
  term: string;
  /** Units of the plan (users, IDs); defaults to the plan's minimum. */
  quantity?: number;
  /**
   * Options taken. Included options are added without being listed; listing one with quantity 0 is
   * an attempt to remove it. An optional option listed with quantity 0 is simply not taken.
   */
  options?: readonly { code: string; quantity?: number }[];
  /** Expected usage per month of the plan's usage components; components not listed count as 0. */
  usage?: readonly { code: string; quantity: number }[];
}

export type EstimateLineKind = 'plan' | 'option' | 'setup' | 'usage';

/** How often a line's amount is charged: every term, once at the start, or per month of usage (an estimate). */
export type EstimateCharge = 'per_term' | 'one_time' | 'usage_per_month';

export interface EstimateLine {
  kind: EstimateLineKind;
  /** The plan's, option's or usage component's code; a setup line carries its plan's or option's code. */
  code: string;
  /** For setup lines: whose setup fee this is. */
  setupOf: 'plan' | 'option' | null;
  name: Bilingual;
  charge: EstimateCharge;
  quantity: number;
  unitPrice: Yen;
  /** Tax-exclusive: for one term, once, or for one month of the expected usage. */
  amount: Yen;
  taxRate: TaxRateKey;
  /** An option that comes with the plan and cannot be removed. */
  included: boolean;
  /** Usage lines: the unit and the share of each tier. */
  unit: Bilingual | null;
  tiers: TierCharge[] | null;
}

/** The amount per month: exact for monthly terms, the term's amount divided by its months (rounded down) otherwise. */
export interface MonthlyAmount {
  subtotal: Yen;
  tax: Yen;
  total: Yen;
  /** False when a fixed term's amount does not divide into whole yen per month. */
  exact: boolean;
}

export interface Estimate {
  plan: string;
  term: TermKey;
  termMonths: number;
  /** `monthly` terms renew every month until cancelled. */
  evergreen: boolean;
  quantity: number;
  lines: EstimateLine[];
  /** One-time fees (setup), tax rounded once per rate. */
  oneTime: DocumentTax;
  /** One term: the recurring lines plus the expected usage for the term's months, tax once per rate. */
  perTerm: DocumentTax;
  perMonth: MonthlyAmount;
  /** The first term with its one-time fees, as one document: what an order of this choice amounts to. */
  firstTerm: DocumentTax;
  rounding: TaxRounding;
}

function estimateError(code: string, path: string, message: BilingualMessage): AppError {
  return new AppError({ code, status: 422, message, fields: [{ path, code, message }] });
}

function quantityMessage(rule: QuantityRule, quantity: unknown, name: Bilingual): BilingualMessage {
  const range =
    rule.min === rule.max
      ? { ja: `${rule.min}に固定です`, en: `fixed at ${rule.min}` }
      : {
          ja: `${rule.min}〜${rule.max}${rule.step > 1 ? `（${rule.step}単位）` : ''}で指定してください`,
          en: `must be between ${rule.min} and ${rule.max}${rule.step > 1 ? ` in steps of ${rule.step}` : ''}`,
        };
  return {
    ja: `「${name.ja}」の数量 ${String(quantity)} は指定できません。数量は${range.ja}。`,
    en: `Quantity ${String(quantity)} is not allowed for "${name.en}": it ${range.en}.`,
  };
}

function checkQuantity(rule: QuantityRule, quantity: number, name: Bilingual, path: string): void {
  if (!quantityAllowed(rule, quantity)) {
    throw estimateError('estimate_quantity_out_of_range', path, quantityMessage(rule, quantity, name));
  }
}

function findPlan(product: PriceableProduct, code: string): PriceablePlan {
  const plan = product.plans.find((p) => p.code === code);
  if (!plan) {
    throw estimateError('estimate_plan_unknown', 'plan', {
      ja: `「${product.name.ja}」にプラン「${code}」はありません。`,
      en: `"${product.name.en}" has no plan "${code}".`,
    });
  }
  return plan;
}

function findTerm(plan: PriceablePlan, term: string): { term: TermKey; price: Yen } {
  const offered = isTermKey(term) ? plan.terms.find((t) => t.term === term) : undefined;
  if (!offered) {
    const choices = plan.terms.map((t) => t.term);
    throw estimateError('estimate_term_not_offered', 'term', {
      ja: `プラン「${plan.name.ja}」では契約期間「${isTermKey(term) ? termLabel(term, 'ja') : term}」を選べません（選べる期間: ${choices.map((t) => termLabel(t, 'ja')).join('、')}）。`,
      en: `The plan "${plan.name.en}" does not offer the term "${isTermKey(term) ? termLabel(term, 'en') : term}" (it offers: ${choices.map((t) => termLabel(t, 'en')).join(', ')}).`,
    });
  }
  return offered;
}

interface ChosenOption {
  option: PriceableOption;
  quantity: number;
  price: Yen;
  included: boolean;
}

function chooseOptions(
  product: PriceableProduct,
  plan: PriceablePlan,
  term: TermKey,
  requested: NonNullable<EstimateRequest['options']>,
): ChosenOption[] {
  const requestedByCode = new Map<string, { quantity: number | undefined; index: number }>();
  for (const [index, entry] of requested.entries()) {
    const option = product.options.find((o) => o.code === entry.code);
    if (!option) {
      throw estimateError('estimate_option_unknown', `options.${index}.code`, {
        ja: `「${product.name.ja}」にオプション「${entry.code}」はありません。`,
        en: `"${product.name.en}" has no option "${entry.code}".`,
      });
    }
    if (requestedByCode.has(entry.code)) {
      throw estimateError('estimate_option_duplicated', `options.${index}.code`, {
        ja: `オプション「${option.name.ja}」が2回指定されています。`,
        en: `The option "${option.name.en}" is listed twice.`,
      });
    }
    requestedByCode.set(entry.code, { quantity: entry.quantity, index });
  }

  const chosen: ChosenOption[] = [];
  for (const option of product.options) {
    const offer = option.offers.find((o) => o.plan === plan.code && o.term === term);
    const entry = requestedByCode.get(option.code);
    const path = entry ? `options.${entry.index}.quantity` : 'options';
    if (offer?.included) {
      if (entry?.quantity === 0) {
        throw estimateError('estimate_included_option_removed', path, {
          ja: `オプション「${option.name.ja}」は「${plan.name.ja}」の料金に含まれており、外すことはできません。`,
          en: `The option "${option.name.en}" is included in "${plan.name.en}" and cannot be removed.`,
        });
      }
      const quantity = entry?.quantity ?? option.quantity.min;
      checkQuantity(option.quantity, quantity, option.name, path);
      chosen.push({ option, quantity, price: offer.price, included: true });
      continue;
    }
    if (!entry || entry.quantity === 0) continue;
    if (!offer) {
      throw estimateError('estimate_option_not_offered', `options.${entry.index}.code`, {
        ja: `オプション「${option.name.ja}」は「${plan.name.ja}」の契約期間「${termLabel(term, 'ja')}」ではお申し込みいただけません。`,
        en: `The option "${option.name.en}" is not offered with "${plan.name.en}" for the term "${termLabel(term, 'en')}".`,
      });
    }
    const quantity = entry.quantity ?? option.quantity.min;
    checkQuantity(option.quantity, quantity, option.name, path);
    chosen.push({ option, quantity, price: offer.price, included: false });
  }

  const groups = new Map<string, ChosenOption[]>();
  for (const c of chosen) {
    if (!c.option.choiceGroup) continue;
    groups.set(c.option.choiceGroup, [...(groups.get(c.option.choiceGroup) ?? []), c]);
  }
  for (const members of groups.values()) {
    if (members.length > 1) {
      const names = members.map((m) => m.option.name);
      throw estimateError('estimate_option_choice_conflict', 'options', {
        ja: `${names.map((n) => `「${n.ja}」`).join('と')}は同時に選べません。いずれか1つを選んでください。`,
        en: `${names.map((n) => `"${n.en}"`).join(' and ')} cannot be taken together; choose one.`,
      });
    }
  }

  for (const option of product.options) {
    if (!option.required) continue;
    // A required option only binds where it is offered; a group is satisfied by any of its members.
    const offered = option.offers.some((o) => o.plan === plan.code && o.term === term);
    if (!offered) continue;
    const satisfied = chosen.some(
      (c) =>
        c.option.code === option.code ||
        (option.choiceGroup !== null && c.option.choiceGroup === option.choiceGroup),
    );
    if (!satisfied) {
      throw estimateError('estimate_required_option_missing', 'options', {
        ja: `オプション「${option.name.ja}」は必須です。`,
        en: `The option "${option.name.en}" is required.`,
      });
    }
  }
  return chosen;
}

/**
 * Prices a choice. Amounts are tax-exclusive per line; tax is computed on each document (one-time,
 * one term, first term) once per rate with the store's rounding — never per line. Billing dates and
 * proration are not the engine's business.
 */
export function estimate(
  product: PriceableProduct,
  request: EstimateRequest,
  rounding: TaxRounding,
): Estimate {
  const plan = findPlan(product, request.plan);
  const { term, price } = findTerm(plan, request.term);
  const months = termMonths(term);
  const quantity = request.quantity ?? plan.quantity.min;
  checkQuantity(plan.quantity, quantity, plan.name, 'quantity');
  const options = chooseOptions(product, plan, term, request.options ?? []);

  const usageRequested = request.usage ?? [];
  for (const [index, entry] of usageRequested.entries()) {
    if (!plan.usageComponents.some((u) => u.code === entry.code)) {
      throw estimateError('estimate_usage_unknown', `usage.${index}.code`, {
        ja: `プラン「${plan.name.ja}」に従量項目「${entry.code}」はありません。`,
        en: `The plan "${plan.name.en}" has no usage component "${entry.code}".`,
      });
    }
    if (!Number.isSafeInteger(entry.quantity) || entry.quantity < 0) {
      throw estimateError('estimate_usage_invalid', `usage.${index}.quantity`, {
        ja: '想定利用量は0以上の整数で入力してください。',
        en: 'Expected usage must be a whole number of at least 0.',
      });
    }
  }

  const lines: EstimateLine[] = [];
  const base = { setupOf: null, included: false, unit: null, tiers: null } as const;
  lines.push({
    ...base,
    kind: 'plan',
    code: plan.code,
    name: plan.name,
    charge: 'per_term',
    quantity,
    unitPrice: price,
    amount: multiplyYen(price, quantity),
    taxRate: plan.taxRate,
  });
  for (const c of options) {
    lines.push({
      ...base,
      kind: 'option',
      code: c.option.code,
      name: c.option.name,
      charge: 'per_term',
      quantity: c.quantity,
      unitPrice: c.price,
      amount: multiplyYen(c.price, c.quantity),
      taxRate: c.option.taxRate,
      included: c.included,
    });
  }
  if (plan.setupFee > 0) {
    lines.push({
      ...base,
      kind: 'setup',
      setupOf: 'plan',
      code: plan.code,
      name: plan.name,
      charge: 'one_time',
      quantity: 1,
      unitPrice: plan.setupFee,
      amount: plan.setupFee,
      taxRate: plan.taxRate,
    });
  }
  for (const c of options) {
    if (c.option.setupFee <= 0) continue;
    lines.push({
      ...base,
      kind: 'setup',
      setupOf: 'option',
      code: c.option.code,
      name: c.option.name,
      charge: 'one_time',
      quantity: 1,
      unitPrice: c.option.setupFee,
      amount: c.option.setupFee,
      taxRate: c.option.taxRate,
      included: c.included,
    });
  }
  for (const component of plan.usageComponents) {
    const expected = usageRequested.find((u) => u.code === component.code)?.quantity ?? 0;
    const tiers = chargeUsage(component.tiers, component.tierMode, expected);
    lines.push({
      ...base,
      kind: 'usage',
      code: component.code,
      name: component.name,
      charge: 'usage_per_month',
      quantity: expected,
      // The first tier's price, so a line with no usage still says what a unit costs.
      unitPrice: component.tiers[0]!.unitPrice,
      amount: usageTotal(tiers),
      taxRate: component.taxRate,
      unit: component.unit,
      tiers,
    });
  }

  const { oneTimeLines, termLines } = taxableLines(lines, months);
  const oneTime = calculateDocumentTax(oneTimeLines, rounding);
  const perTerm = calculateDocumentTax(termLines, rounding);
  const firstTerm = calculateDocumentTax([...termLines, ...oneTimeLines], rounding);
  const subtotal = yen(Math.floor(perTerm.subtotal / months));
  const total = yen(Math.floor(perTerm.total / months));
  const perMonth: MonthlyAmount = {
    subtotal,
    tax: sumYen([total, yen(-subtotal)]),
    total,
    exact: perTerm.subtotal % months === 0 && perTerm.total % months === 0,
  };

  return {
    plan: plan.code,
    term,
    termMonths: months,
    evergreen: term === 'monthly',
    quantity,
    lines,
    oneTime,
    perTerm,
    perMonth,
    firstTerm,
    rounding,
  };
}

/**
 * An estimate's lines as tax-exclusive amounts per rate: the one-time fees, and one term of the recurring
 * lines with the expected usage for the term's months.
 */
function taxableLines(lines: readonly EstimateLine[], months: number) {
  const oneTimeLines = lines
    .filter((l) => l.charge === 'one_time')
    .map((l) => ({ amount: l.amount, rate: l.taxRate }));
  const termLines = lines
    .filter((l) => l.charge !== 'one_time')
    .map((l) => ({
      amount: l.charge === 'usage_per_month' ? multiplyYen(l.amount, months) : l.amount,
      rate: l.taxRate,
    }));
  return { oneTimeLines, termLines };
}

/** Several estimates taken together (a cart, an order): one document, so tax is rounded once per rate. */
export interface CombinedEstimate {
  oneTime: DocumentTax;
  /** Every first term with every one-time fee: what the whole choice amounts to at the start. */
  firstTerm: DocumentTax;
}

/** Combines estimates made with the same rounding into one document per kind. */
export function combineEstimates(estimates: readonly Estimate[], rounding: TaxRounding): CombinedEstimate {
  const oneTimeLines = [];
  const termLines = [];
  for (const each of estimates) {
    const lines = taxableLines(each.lines, each.termMonths);
    oneTimeLines.push(...lines.oneTimeLines);
    termLines.push(...lines.termLines);
  }
  return {
    oneTime: calculateDocumentTax(oneTimeLines, rounding),
    firstTerm: calculateDocumentTax([...termLines, ...oneTimeLines], rounding),
  };
}

/**
 * A free trial of the same choice: the engine's own lines and documents with every amount at ¥0, because
 * nothing is charged during the trial period. The lines stay, so the customer sees what the trial includes.
 */
export function trialEstimate(priced: Estimate): Estimate {
  const zero = yen(0);
  const free = (doc: DocumentTax): DocumentTax => ({
    groups: doc.groups.map((g) => ({ ...g, taxableAmount: zero, tax: zero, totalWithTax: zero })),
    subtotal: zero,
    tax: zero,
    total: zero,
  });
  return {
    ...priced,
    lines: priced.lines.map((line) => ({
      ...line,
      unitPrice: zero,
      amount: zero,
      tiers: line.tiers ? line.tiers.map((tier) => ({ ...tier, unitPrice: zero, amount: zero })) : null,
    })),
    oneTime: free(priced.oneTime),
    perTerm: free(priced.perTerm),
    perMonth: { subtotal: zero, tax: zero, total: zero, exact: true },
    firstTerm: free(priced.firstTerm),
  };
}
