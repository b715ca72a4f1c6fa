// Turns a stored product definition into what the price engine reads, so simulator, cart and order price from the same data.
import type { TermKey } from '../../domain/catalog.js';
import { yen } from '../../domain/money.js';
import type { PriceableProduct } from '../../domain/pricing.js';
import type { ProductDefinition } from './product-definition.js';

/** The engine's view of a definition: names, prices as `Yen`, terms as term keys. */
export function toPriceableProduct(def: ProductDefinition): PriceableProduct {
  return {
    name: def.name,
    plans: def.plans.map((plan) => ({
      code: plan.code,
      name: plan.name,
      taxRate: plan.taxRate,
      setupFee: yen(plan.setupFee),
      quantity: plan.quantity,
      terms: plan.terms.map((t) => ({ term: t.term as TermKey, price: yen(t.price) })),
      usageComponents: plan.usageComponents.map((u) => ({
        code: u.code,
        name: u.name,
        unit: u.unit,
        taxRate: u.taxRate,
        tierMode: u.tierMode,
        tiers: u.tiers.map((tier) => ({ upTo: tier.upTo, unitPrice: yen(tier.unitPrice) })),
      })),
    })),
    options: def.options.map((option) => ({
      code: option.code,
      name: option.name,
      required: option.required,
      choiceGroup: option.choiceGroup,
      taxRate: option.taxRate,
      setupFee: yen(option.setupFee),
      quantity: option.quantity,
      offers: option.offers.map((o) => ({
        plan: o.plan,
        term: o.term as TermKey,
        price: yen(o.price),
        included: o.included,
      })),
    })),
  };
}
