// The "from" price of a product for lists and the price filter: its cheapest plan and term per month, tax-exclusive.
import { type TermKey, termMonths } from '../../domain/catalog.js';
import { type Yen, yen } from '../../domain/money.js';
import type { ProductDefinition } from './product-definition.js';

/** The lowest monthly amount (rounded down) of any plan and term at the plan's minimum quantity, with where it comes from. */
export function priceFrom(def: ProductDefinition): { amount: Yen; plan: string; term: TermKey } | null {
  let best: { amount: Yen; plan: string; term: TermKey } | null = null;
  for (const plan of def.plans) {
    const units = Math.max(plan.quantity.min, 1);
    for (const t of plan.terms) {
      const term = t.term as TermKey;
      const amount = yen(Math.floor((t.price * units) / termMonths(term)));
      if (!best || amount < best.amount) best = { amount, plan: plan.code, term };
    }
  }
  return best;
}
