// The renewal quote (seed 004): the next term of a manually renewed contract priced now, with the terms and options the member may choose.
import { and, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractRenewals } from '../../db/schema/contracts.js';
import { isTermKey } from '../../domain/catalog.js';
import {
  manualRenewalGraceEnd,
  nextTermStart,
  renewalWindowOpens,
  termEndDate,
} from '../../domain/contract-rules.js';
import type { Estimate } from '../../domain/estimate.js';
import { yenFromDb } from '../../domain/money.js';
import { type CatalogProduct, loadProducts } from '../catalog/index.js';
import { getStoreSettings } from '../store/index.js';
import type { ContractRow } from './contract-record.js';
import { type PricedTerm, priceTermOn } from './price-contract-term.js';
import { renewalErrors } from './renewal-errors.js';

/** What the member asks to renew with; omitted parts keep the contract's current term and options. */
export interface RenewalChoice {
  term?: string;
  /** The optional options to keep (codes); included options come with the plan whatever is sent. */
  options?: string[];
}

/** One option as the quote offers it: included (no removal), required, or optional (tick to keep). */
export interface RenewalQuoteOption {
  code: string;
  name: { ja: string; en: string };
  included: boolean;
  required: boolean;
  selected: boolean;
}

export interface RenewalQuote {
  contractId: string;
  term: string;
  termMonths: number;
  termStart: string;
  termEnd: string;
  /** The terms the plan offers now (a product may offer 12 months only). */
  availableTerms: string[];
  options: RenewalQuoteOption[];
  lines: Estimate['lines'];
  subtotal: number;
  tax: number;
  total: number;
  windowOpens: string;
  graceEnd: string;
}

/** The renewal window's dates for a contract's current term. */
export function renewalDates(
  row: ContractRow,
  graceDays: number,
): { termEnd: Temporal.PlainDate; opens: Temporal.PlainDate; graceEnd: Temporal.PlainDate } {
  const termEnd = Temporal.PlainDate.from(row.currentTermEnd);
  return {
    termEnd,
    opens: renewalWindowOpens(termEnd, row.renewalWindowMonths),
    graceEnd: manualRenewalGraceEnd(termEnd, graceDays),
  };
}

/**
 * Checks that the contract may take a renewal quote today: in force, renewed by hand, inside the window
 * (`renewal_window_not_open` with the opening date; `renewal_window_closed` after the grace period), no
 * earlier renewal awaiting payment (`renewal_previous_unpaid`, naming it) and the next term not paid yet.
 */
export async function assertRenewalQuotable(
  db: DbOrTx,
  row: ContractRow,
  today: Temporal.PlainDate,
): Promise<void> {
  if (row.status !== 'active') throw renewalErrors.notRenewable();
  if (row.renewalMode !== 'manual') throw renewalErrors.notManual();
  const open = await db
    .select()
    .from(contractRenewals)
    .where(
      and(eq(contractRenewals.contractId, row.id), inArray(contractRenewals.status, ['pending', 'paid'])),
    );
  const pending = open.find((r) => r.status === 'pending');
  if (pending) {
    throw renewalErrors.previousUnpaid({
      id: pending.id,
      termStart: pending.termStart,
      termEnd: pending.termEnd,
      total: yenFromDb(pending.totalAmount),
    });
  }
  const start = nextTermStart(Temporal.PlainDate.from(row.currentTermEnd)).toString();
  if (open.some((r) => r.status === 'paid' && r.termStart === start))
    throw renewalErrors.alreadyRenewed(start);
  const { opens, graceEnd } = renewalDates(row, (await getStoreSettings(db)).renewalGraceDays);
  if (Temporal.PlainDate.compare(today, opens) < 0) throw renewalErrors.windowNotOpen(opens.toString());
  if (Temporal.PlainDate.compare(today, graceEnd) > 0) throw renewalErrors.windowClosed(graceEnd.toString());
}

/** Prices the chosen next term with the store's one engine; the engine's 422s (a required option removed) pass through. */
export async function priceRenewal(
  db: DbOrTx,
  row: ContractRow,
  choice: RenewalChoice,
): Promise<{
  quote: RenewalQuote;
  priced: PricedTerm;
  product: CatalogProduct;
  options: { code: string; quantity?: number }[];
}> {
  const [product] = await loadProducts(db, [row.productId]);
  if (!product) throw renewalErrors.notRenewable();
  const plan = product.definition.plans.find((p) => p.code === row.plan);
  if (!plan) throw renewalErrors.notRenewable();
  const availableTerms: string[] = plan.terms.map((t) => t.term);
  const term = choice.term ?? (availableTerms.includes(row.term) ? row.term : availableTerms.at(-1)!);
  if (!availableTerms.includes(term) || !isTermKey(term)) throw renewalErrors.termNotOffered(term);
  const offered = product.definition.options.filter((o) =>
    o.offers.some((offer) => offer.plan === row.plan && offer.term === term),
  );
  const included = (code: string) =>
    offered.some(
      (o) => o.code === code && o.offers.some((f) => f.plan === row.plan && f.term === term && f.included),
    );
  const current = new Map(row.options.map((o) => [o.code, o]));
  const wanted = new Set(choice.options ?? row.options.map((o) => o.code));
  const options = offered
    .filter((o) => !included(o.code) && (wanted.has(o.code) || o.required))
    .map((o) => ({ code: o.code, quantity: current.get(o.code)?.quantity ?? 1 }));
  // A code sent that the plan does not offer is refused by the engine, like the simulator does.
  for (const code of wanted) {
    if (!offered.some((o) => o.code === code)) options.push({ code, quantity: 1 });
  }
  const { taxRounding } = await getStoreSettings(db);
  const priced = priceTermOn(product, { plan: row.plan, term, quantity: row.quantity, options }, taxRounding);
  const months = priced.termMonths;
  const start = nextTermStart(Temporal.PlainDate.from(row.currentTermEnd));
  const { renewalGraceDays } = await getStoreSettings(db);
  const { opens, graceEnd } = renewalDates(row, renewalGraceDays);
  const taken = new Set(priced.estimate.lines.filter((l) => l.kind === 'option').map((l) => l.code));
  return {
    product,
    priced,
    options,
    quote: {
      contractId: row.id,
      term,
      termMonths: months,
      termStart: start.toString(),
      termEnd: termEndDate(start, months).toString(),
      availableTerms,
      options: offered.map((o) => ({
        code: o.code,
        name: o.name,
        included: included(o.code),
        required: o.required,
        selected: taken.has(o.code),
      })),
      lines: priced.estimate.lines.filter((l) => l.charge !== 'one_time'),
      subtotal: priced.estimate.perTerm.subtotal,
      tax: priced.tax,
      total: priced.total,
      windowOpens: opens.toString(),
      graceEnd: graceEnd.toString(),
    },
  };
}
