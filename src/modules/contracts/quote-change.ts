// The change quote (契約変更のお見積り): the new plan, quantity and options priced by the estimate engine, the difference for the rest of the term per the product's proration rule, the date it takes effect and what the next invoice shows.
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { ContractPricingRow } from '../../db/schema/contracts.js';
import { businessDateAt } from '../../domain/clock.js';
import {
  changeDifference,
  earliestDateAfterLeadTime,
  nextTermStart,
  type ProrationRule,
  termContaining,
  termEndDate,
} from '../../domain/contract-rules.js';
import { parsePlainDate } from '../../domain/dates.js';
import { formatYen, yen } from '../../domain/money.js';
import { loadProducts } from '../catalog/index.js';
import { getStoreSettings, loadBusinessCalendar } from '../store/index.js';
import { changeErrors } from './contract-errors.js';
import type { ContractRow } from './contract-record.js';
import { getContractRow } from './get-contract-row.js';
import { priceTermOn, termChoiceKey } from './price-contract-term.js';
import { renewalErrors } from './renewal-errors.js';

/** What the member wishes: the first day with the new content and the new plan, quantity and options (absent: unchanged). */
export interface ChangeWish {
  /** `YYYY-MM-DD`: the first day the new content applies. */
  effectiveDate: string;
  plan?: string | undefined;
  quantity?: number | undefined;
  /** The whole new set of options; absent keeps the contract's. */
  options?: readonly { code: string; quantity?: number | undefined }[] | undefined;
}

/** One side of a change: a plan, quantity and options with one term's tax-exclusive price. */
export interface ChangeSide {
  plan: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  termAmount: number;
  pricing: ContractPricingRow;
}

/** A line of the next invoice as the quote shows it (tax-exclusive yen). */
export interface NextInvoiceLine {
  kind: 'adjustment' | 'term';
  label: { ja: string; en: string };
  periodStart: string;
  periodEnd: string;
  amount: number;
}

export interface ChangeQuote {
  contractId: string;
  effectiveDate: string;
  /** The first date the lead time allows without an operator's confirmation. */
  earliestDate: string;
  leadBusinessDays: number;
  /** A wish before `earliestDate`: accepted as requested, an operator confirms it or proposes another date. */
  withinLeadTime: boolean;
  proration: ProrationRule;
  current: ChangeSide;
  proposed: ChangeSide;
  difference: {
    /** The term the change takes effect in. */
    periodStart: string;
    periodEnd: string;
    /** Days (daily) or months (monthly) from the change to the period's end, and in the whole period; null for `none`. */
    charged: number | null;
    total: number | null;
    unit: 'days' | 'months' | null;
    /** The rest of the period at the old and the new price, each rounded down. */
    oldAmount: number;
    newAmount: number;
    /** `newAmount − oldAmount`: positive is charged, negative credited. */
    amount: number;
    workings: { ja: string; en: string };
  };
  nextInvoice: { lines: NextInvoiceLine[]; subtotal: number };
}

const changeable = ['active'];

/** Quotes a change of the member's contract (another member's is 404); see `quoteChangeOf` for the refusals. */
export async function quoteChange(
  db: DbOrTx,
  input: { contractId: string; memberId?: string; wish: ChangeWish; now: Temporal.Instant },
): Promise<ChangeQuote> {
  const row = await getContractRow(db, {
    contractId: input.contractId,
    ...(input.memberId ? { memberId: input.memberId } : {}),
  });
  return quoteChangeOf(db, row, input.wish, input.now);
}

/**
 * Quotes a change of a contract row. Refuses a contract that is not active (`contract_not_changeable`,
 * 409), a date before today (`change_date_in_past`, 422) or after a scheduled last day, a quantity change
 * the product forbids (`contract_quantity_not_changeable`, 422), a wish equal to the contract
 * (`contract_change_empty`, 422), and whatever the estimate engine refuses (unknown plan or option,
 * quantity out of range: its `estimate_*` codes, 422).
 */
export async function quoteChangeOf(
  db: DbOrTx,
  row: ContractRow,
  wish: ChangeWish,
  now: Temporal.Instant,
): Promise<ChangeQuote> {
  if (!changeable.includes(row.status)) throw changeErrors.notChangeable();
  const today = businessDateAt(now);
  const date = parsePlainDate(wish.effectiveDate);
  if (Temporal.PlainDate.compare(date, today) < 0) throw changeErrors.dateInPast(today.toString());
  if (row.endDate !== null && date.toString() > row.endDate) throw changeErrors.afterEndDate(row.endDate);
  const [product] = await loadProducts(db, [row.productId]);
  if (!product) throw renewalErrors.productUnavailable();
  const definition = product.definition;
  const quantity = wish.quantity ?? row.quantity;
  if (quantity !== row.quantity && !definition.quantityChangeable) {
    throw changeErrors.quantityNotChangeable(row.quantity);
  }
  const options = (wish.options ?? row.options).map((o) =>
    o.quantity === undefined ? { code: o.code } : { code: o.code, quantity: o.quantity },
  );
  const plan = wish.plan ?? row.plan;
  const proposedChoice = { productId: row.productId, plan, term: row.term, quantity, options };
  const currentChoice = {
    productId: row.productId,
    plan: row.plan,
    term: row.term,
    quantity: row.quantity,
    options: row.options,
  };
  if (termChoiceKey(proposedChoice) === termChoiceKey(currentChoice)) throw changeErrors.nothingChanged();
  const { taxRounding } = await getStoreSettings(db);
  const priced = priceTermOn(product, proposedChoice, taxRounding);

  const lead = definition.leadTimeDays ?? 0;
  const earliest = earliestDateAfterLeadTime(today, lead, await loadBusinessCalendar(db));
  const period = termContaining(
    Temporal.PlainDate.from(row.currentTermStart),
    Temporal.PlainDate.from(row.currentTermEnd),
    row.termMonths,
    date,
  );
  const oldTerm = yen(Number(row.termAmount));
  const newTerm = yen(priced.pricing.termAmount);
  const diff = changeDifference({
    rule: definition.proration,
    oldAmount: oldTerm,
    newAmount: newTerm,
    periodStart: period.start,
    periodEnd: period.end,
    from: date,
  });
  const followingStart = nextTermStart(period.end);
  const followingEnd = termEndDate(followingStart, row.termMonths);
  const lines: NextInvoiceLine[] = [];
  if (diff.difference !== 0) {
    lines.push({
      kind: 'adjustment',
      label: { ja: '契約変更による差額', en: 'Difference for the change' },
      periodStart: date.toString(),
      periodEnd: period.end.toString(),
      amount: diff.difference,
    });
  }
  lines.push({
    kind: 'term',
    label: { ja: '変更後のご利用料金', en: 'Charge after the change' },
    periodStart: followingStart.toString(),
    periodEnd: followingEnd.toString(),
    amount: newTerm,
  });
  return {
    contractId: row.id,
    effectiveDate: date.toString(),
    earliestDate: earliest.toString(),
    leadBusinessDays: lead,
    withinLeadTime: Temporal.PlainDate.compare(date, earliest) < 0,
    proration: definition.proration,
    current: {
      plan: row.plan,
      quantity: row.quantity,
      options: row.options,
      termAmount: oldTerm,
      pricing: row.pricing,
    },
    proposed: { plan, quantity, options, termAmount: newTerm, pricing: priced.pricing },
    difference: {
      periodStart: period.start.toString(),
      periodEnd: period.end.toString(),
      charged: diff.charged,
      total: diff.total,
      unit: diff.rule === 'daily' ? 'days' : diff.rule === 'monthly' ? 'months' : null,
      oldAmount: diff.oldProrated,
      newAmount: diff.newProrated,
      amount: diff.difference,
      workings: workings(diff.rule, oldTerm, newTerm, diff, date.toString(), period.end.toString()),
    },
    nextInvoice: { lines, subtotal: lines.reduce((sum, l) => sum + l.amount, 0) },
  };
}

/** How the difference was worked out, in words the member can check with a calculator. */
function workings(
  rule: ProrationRule,
  oldTerm: number,
  newTerm: number,
  diff: {
    charged: number | null;
    total: number | null;
    oldProrated: number;
    newProrated: number;
    difference: number;
  },
  from: string,
  to: string,
): { ja: string; en: string } {
  const y = (n: number) => formatYen(yen(n));
  const result = {
    ja: `差額 ${y(diff.difference)}（${from}〜${to}、税抜）`,
    en: `difference ${y(diff.difference)} (${from} – ${to}, excl. tax)`,
  };
  if (rule === 'none') {
    return {
      ja: `日割り・月割りなし: 変更後 ${y(newTerm)} − 変更前 ${y(oldTerm)} = ${result.ja}`,
      en: `No proration: new ${y(newTerm)} − old ${y(oldTerm)} = ${result.en}`,
    };
  }
  const [ja, en] = rule === 'daily' ? ['日', 'days'] : ['か月', 'months'];
  const part = (amount: number, prorated: number) => ({
    ja: `${y(amount)} × ${diff.charged}/${diff.total}${ja} = ${y(prorated)}`,
    en: `${y(amount)} × ${diff.charged}/${diff.total} ${en} = ${y(prorated)}`,
  });
  const n = part(newTerm, diff.newProrated);
  const o = part(oldTerm, diff.oldProrated);
  return {
    ja: `${rule === 'daily' ? '日割り' : '月割り（開始月は1か月分）'}（円未満切り捨て）: 変更後 ${n.ja} − 変更前 ${o.ja} → ${result.ja}`,
    en: `${rule === 'daily' ? 'Daily' : 'Monthly (a started month in full)'} proration, rounded down: new ${n.en} − old ${o.en} → ${result.en}`,
  };
}
