// Prices one more term of a contract at the catalog's current prices, through the store's one estimate engine.
import type { DbOrTx } from '../../db/client.js';
import type { ContractPricingRow } from '../../db/schema/contracts.js';
import { AppError } from '../../domain/errors.js';
import { type Estimate, estimate } from '../../domain/estimate.js';
import { taxRates } from '../../domain/tax.js';
import { type CatalogProduct, loadProducts, toPriceableProduct } from '../catalog/index.js';
import { getStoreSettings } from '../store/index.js';
import { renewalErrors } from './renewal-errors.js';

/** What a term is priced for: the product, plan, term, quantity and options. */
export interface TermChoice {
  productId: string;
  plan: string;
  term: string;
  quantity: number;
  options: readonly { code: string; quantity?: number }[];
}

/** A priced term: the snapshot a contract keeps (recurring lines only: setup fees were paid at the start) and its total with tax. */
export interface PricedTerm {
  pricing: ContractPricingRow;
  termMonths: number;
  /** One term's total including tax, as the quote shows it. */
  total: number;
  tax: number;
  estimate: Estimate;
}

/** The snapshot of an estimate's recurring lines. */
export function termPricingOf(e: Estimate): ContractPricingRow {
  return {
    lines: e.lines
      .filter((line) => line.charge !== 'one_time')
      .map((line) => ({
        kind: line.kind,
        code: line.code,
        labelJa: line.name.ja,
        labelEn: line.name.en,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amount,
        taxRate: taxRates[line.taxRate].percent,
        recurring: true,
      })),
    monthlyAmount: e.perMonth.exact ? e.perMonth.subtotal : null,
    termAmount: e.perTerm.subtotal,
    oneTimeAmount: 0,
  };
}

/** Prices a choice on an already loaded product (the engine's 422 problems pass through). */
export function priceTermOn(
  product: CatalogProduct,
  choice: Omit<TermChoice, 'productId'>,
  rounding: 'floor' | 'round' | 'ceil',
): PricedTerm {
  const e = estimate(
    toPriceableProduct(product.definition),
    { plan: choice.plan, term: choice.term, quantity: choice.quantity, options: choice.options },
    rounding,
  );
  return {
    pricing: termPricingOf(e),
    termMonths: e.termMonths,
    total: e.perTerm.total,
    tax: e.perTerm.tax,
    estimate: e,
  };
}

/** Prices many choices at once: each product is loaded once, each distinct choice priced once. */
export async function priceTerms(
  db: DbOrTx,
  choices: readonly TermChoice[],
): Promise<Map<string, PricedTerm>> {
  const priced = new Map<string, PricedTerm>();
  for (const [key, result] of await priceTermsOrRefusals(db, choices)) {
    if (result instanceof AppError) throw result;
    priced.set(key, result);
  }
  return priced;
}

/**
 * Like `priceTerms`, but a choice the catalog no longer offers (a product gone, a plan, term or option
 * withdrawn) maps to the engine's refusal instead of failing the whole batch, so one stale contract
 * cannot stop the others from renewing.
 */
export async function priceTermsOrRefusals(
  db: DbOrTx,
  choices: readonly TermChoice[],
): Promise<Map<string, PricedTerm | AppError>> {
  const products = new Map(
    (await loadProducts(db, [...new Set(choices.map((c) => c.productId))])).map((p) => [p.id, p]),
  );
  const { taxRounding } = await getStoreSettings(db);
  const priced = new Map<string, PricedTerm | AppError>();
  for (const choice of choices) {
    const key = termChoiceKey(choice);
    if (priced.has(key)) continue;
    const product = products.get(choice.productId);
    if (!product) {
      priced.set(key, renewalErrors.productUnavailable());
      continue;
    }
    try {
      priced.set(key, priceTermOn(product, choice, taxRounding));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      priced.set(key, error);
    }
  }
  return priced;
}

/** A stable key for a choice, so equal choices share one price. */
export function termChoiceKey(choice: TermChoice): string {
  const options = [...choice.options]
    .map((o) => `${o.code}:${o.quantity ?? 1}`)
    .sort()
    .join(',');
  return `${choice.productId}|${choice.plan}|${choice.term}|${choice.quantity}|${options}`;
}
