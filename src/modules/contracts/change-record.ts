// What a change application keeps (the new content, its price snapshot, the previous content and the difference) and the member's mail about it.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { ContractPricingRow } from '../../db/schema/contracts.js';
import { mailContractMember } from './contract-notices.js';
import type { ContractRow } from './contract-record.js';
import type { ChangeQuote, ChangeSide } from './quote-change.js';

/** The `change` column of a change application: applied as it is by the sweep on its date. */
export interface ChangeRecord {
  plan: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  pricing: ContractPricingRow;
  termAmount: number;
  previous: {
    plan: string;
    quantity: number;
    options: { code: string; quantity?: number }[];
    termAmount: number;
  };
  proration: ChangeQuote['proration'];
  difference: Omit<ChangeQuote['difference'], 'workings'>;
  /** Lines describing the change, for mails and lists. */
  summary: { ja: string[]; en: string[] };
}

function labelsOf(side: ChangeSide): Map<string, { ja: string; en: string }> {
  return new Map(side.pricing.lines.map((l) => [`${l.kind}:${l.code}`, { ja: l.labelJa, en: l.labelEn }]));
}

/** "プラン: A → B", "数量: 15 → 20", "オプション追加: X", "オプション削除: Y". */
export function changeSummary(current: ChangeSide, proposed: ChangeSide): { ja: string[]; en: string[] } {
  const before = labelsOf(current);
  const after = labelsOf(proposed);
  const name = (labels: Map<string, { ja: string; en: string }>, kind: string, code: string) =>
    labels.get(`${kind}:${code}`) ?? { ja: code, en: code };
  const ja: string[] = [];
  const en: string[] = [];
  if (current.plan !== proposed.plan) {
    const a = name(before, 'plan', current.plan);
    const b = name(after, 'plan', proposed.plan);
    ja.push(`プラン: ${a.ja} → ${b.ja}`);
    en.push(`Plan: ${a.en} → ${b.en}`);
  }
  if (current.quantity !== proposed.quantity) {
    ja.push(`数量: ${current.quantity} → ${proposed.quantity}`);
    en.push(`Quantity: ${current.quantity} → ${proposed.quantity}`);
  }
  const was = new Map(current.options.map((o) => [o.code, o.quantity ?? 1]));
  const now = new Map(proposed.options.map((o) => [o.code, o.quantity ?? 1]));
  for (const [code, quantity] of now) {
    const n = name(after, 'option', code);
    if (!was.has(code)) {
      ja.push(`オプション追加: ${n.ja}${quantity > 1 ? ` × ${quantity}` : ''}`);
      en.push(`Option added: ${n.en}${quantity > 1 ? ` × ${quantity}` : ''}`);
    } else if (was.get(code) !== quantity) {
      ja.push(`オプション数量: ${n.ja} ${was.get(code)} → ${quantity}`);
      en.push(`Option quantity: ${n.en} ${was.get(code)} → ${quantity}`);
    }
  }
  for (const code of was.keys()) {
    if (now.has(code)) continue;
    const n = name(before, 'option', code);
    ja.push(`オプション削除: ${n.ja}`);
    en.push(`Option removed: ${n.en}`);
  }
  return { ja, en };
}

/** The record kept for a quote. */
export function changeRecordOf(quote: ChangeQuote): ChangeRecord {
  const { workings: _workings, ...difference } = quote.difference;
  return {
    plan: quote.proposed.plan,
    quantity: quote.proposed.quantity,
    options: quote.proposed.options,
    pricing: quote.proposed.pricing,
    termAmount: quote.proposed.termAmount,
    previous: {
      plan: quote.current.plan,
      quantity: quote.current.quantity,
      options: quote.current.options,
      termAmount: quote.current.termAmount,
    },
    proration: quote.proration,
    difference,
    summary: changeSummary(quote.current, quote.proposed),
  };
}

/** Mails the member that the change was received (effective date null: the store confirms it) or accepted for its date. */
export async function mailChangeAccepted(
  tx: DbOrTx,
  row: ContractRow,
  input: { desiredDate: string; effectiveDate: string | null; record: ChangeRecord; reason: string | null },
  now: Temporal.Instant,
): Promise<void> {
  await mailContractMember(
    tx,
    row,
    'contract-change-accepted',
    {
      desiredDate: input.desiredDate,
      effectiveDate: input.effectiveDate,
      summary: row.locale === 'en' ? input.record.summary.en : input.record.summary.ja,
      difference: input.record.difference.amount,
      termAmount: input.record.termAmount,
      reason: input.reason,
    },
    now,
  );
}
