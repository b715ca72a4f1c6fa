// What the price engine prices: a product's plans, terms, options and usage components as plain data, and usage tier arithmetic.
import type { QuantityRule, TermKey, TierMode } from './catalog.js';
import { multiplyYen, sumYen, type Yen } from './money.js';
import type { TaxRateKey } from './tax.js';

/** A name in both languages the store speaks. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** One term a plan offers and its tax-exclusive price for the whole term, per unit of the plan's quantity. */
export interface PriceableTerm {
  term: TermKey;
  price: Yen;
}

/** One usage tier: units up to `upTo` (inclusive; null = no limit) cost `unitPrice` each. */
export interface UsageTier {
  upTo: number | null;
  unitPrice: Yen;
}

/** A usage-based component (従量) of a plan, estimated per month from the expected usage. */
export interface PriceableUsageComponent {
  code: string;
  name: Bilingual;
  unit: Bilingual;
  taxRate: TaxRateKey;
  tierMode: TierMode;
  /** Ascending by `upTo`, the last one open-ended. A flat unit price is a single open tier. */
  tiers: UsageTier[];
}

export interface PriceablePlan {
  code: string;
  name: Bilingual;
  taxRate: TaxRateKey;
  /** Once per order line, whatever the quantity. */
  setupFee: Yen;
  quantity: QuantityRule;
  terms: PriceableTerm[];
  usageComponents: PriceableUsageComponent[];
}

/** Where an option is offered: one plan and term, at a price per term per unit; `included` means part of the plan and not removable. */
export interface OptionOffer {
  plan: string;
  term: TermKey;
  price: Yen;
  included: boolean;
}

export interface PriceableOption {
  code: string;
  name: Bilingual;
  /** A required option must be taken; with a choice group, one option of the group must be taken. */
  required: boolean;
  /** Options sharing a group are alternatives (SSL quick / OV / EV): at most one of them. */
  choiceGroup: string | null;
  taxRate: TaxRateKey;
  setupFee: Yen;
  quantity: QuantityRule;
  offers: OptionOffer[];
}

/** A product as the engine sees it; loaded from the catalog, or built by hand in tests. */
export interface PriceableProduct {
  name: Bilingual;
  plans: PriceablePlan[];
  options: PriceableOption[];
}

/** One tier's share of a usage quantity. */
export interface TierCharge {
  from: number;
  upTo: number | null;
  quantity: number;
  unitPrice: Yen;
  amount: Yen;
}

/** Charges a usage quantity against tiers; tiers with no units are left out. */
export function chargeUsage(tiers: readonly UsageTier[], mode: TierMode, quantity: number): TierCharge[] {
  if (!Number.isSafeInteger(quantity) || quantity < 0)
    throw new RangeError(`usage must be a whole number ≥ 0`);
  if (quantity === 0) return [];
  if (mode === 'volume') {
    let from = 0;
    for (const tier of tiers) {
      if (tier.upTo === null || quantity <= tier.upTo) {
        return [
          {
            from,
            upTo: tier.upTo,
            quantity,
            unitPrice: tier.unitPrice,
            amount: multiplyYen(tier.unitPrice, quantity),
          },
        ];
      }
      from = tier.upTo;
    }
    throw new RangeError('usage exceeds the last tier');
  }
  const charges: TierCharge[] = [];
  let from = 0;
  for (const tier of tiers) {
    const top = tier.upTo === null ? quantity : Math.min(quantity, tier.upTo);
    const units = top - from;
    if (units > 0) {
      charges.push({
        from,
        upTo: tier.upTo,
        quantity: units,
        unitPrice: tier.unitPrice,
        amount: multiplyYen(tier.unitPrice, units),
      });
    }
    if (tier.upTo === null || quantity <= tier.upTo) return charges;
    from = tier.upTo;
  }
  throw new RangeError('usage exceeds the last tier');
}

/** The total of a usage charge. */
export function usageTotal(charges: readonly TierCharge[]): Yen {
  return sumYen(charges.map((c) => c.amount));
}

/** Whether tiers make sense: ascending limits, only the last open-ended, prices ≥ 0. */
export function tiersValid(tiers: readonly { upTo: number | null; unitPrice: number }[]): boolean {
  if (tiers.length === 0) return false;
  let previous = 0;
  for (const [index, tier] of tiers.entries()) {
    const last = index === tiers.length - 1;
    if (tier.unitPrice < 0) return false;
    if (tier.upTo === null) {
      if (!last) return false;
    } else {
      if (last) return false;
      if (!Number.isSafeInteger(tier.upTo) || tier.upTo <= previous) return false;
      previous = tier.upTo;
    }
  }
  return true;
}
