// The contract as people read it (My Page and the console): names from the price snapshot, dates as dates, history.
import type { ContractStatus } from '../../domain/contracts.js';
import { yenFromDb } from '../../domain/money.js';
import type { ContractEventRow, ContractRow } from './contract-record.js';

export interface ContractSummary {
  id: string;
  number: string;
  status: ContractStatus;
  productId: string;
  productName: { ja: string; en: string };
  plan: string;
  planName: { ja: string; en: string };
  term: string;
  termMonths: number;
  quantity: number;
  startDate: string;
  currentTermStart: string;
  currentTermEnd: string;
  trialEnd: string | null;
  endDate: string | null;
  renewalMode: 'auto' | 'manual';
  termAmount: number;
  monthlyAmount: number | null;
}

export interface ContractHistoryEntry {
  id: string;
  kind: string;
  fromStatus: ContractStatus | null;
  toStatus: ContractStatus | null;
  actorKind: string;
  actorId: string | null;
  reason: string | null;
  at: Date;
}

export interface ContractDetail extends ContractSummary {
  memberId: string;
  orderId: string;
  orderNumber: string;
  providerId: string;
  options: { code: string; quantity: number; name: { ja: string; en: string } }[];
  pricing: ContractRow['pricing'];
  paymentMethod: string | null;
  minimumTermMonths: number;
  minimumTermEnd: string | null;
  earlyTermination: { kind: 'none' | 'remaining_months' | 'fixed'; fee: number | null };
  history: ContractHistoryEntry[];
}

function planName(row: ContractRow): { ja: string; en: string } {
  const line = row.pricing.lines.find((l) => l.kind === 'plan');
  return line ? { ja: line.labelJa, en: line.labelEn } : { ja: row.plan, en: row.plan };
}

/** The list's view of a row. */
export function contractSummary(row: ContractRow): ContractSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    productId: row.productId,
    productName: { ja: row.productNameJa, en: row.productNameEn },
    plan: row.plan,
    planName: planName(row),
    term: row.term,
    termMonths: row.termMonths,
    quantity: row.quantity,
    startDate: row.startDate,
    currentTermStart: row.currentTermStart,
    currentTermEnd: row.currentTermEnd,
    trialEnd: row.trialEnd,
    endDate: row.endDate,
    renewalMode: row.renewalMode,
    termAmount: yenFromDb(row.termAmount),
    monthlyAmount: row.pricing.monthlyAmount,
  };
}

/** The detail's view of a row and its history. */
export function contractDetail(row: ContractRow, history: readonly ContractEventRow[]): ContractDetail {
  return {
    ...contractSummary(row),
    memberId: row.memberId,
    orderId: row.orderId,
    orderNumber: row.orderNumber,
    providerId: row.providerId,
    options: row.options.map((option) => {
      const line = row.pricing.lines.find((l) => l.kind === 'option' && l.code === option.code);
      return {
        code: option.code,
        quantity: option.quantity ?? 1,
        name: line ? { ja: line.labelJa, en: line.labelEn } : { ja: option.code, en: option.code },
      };
    }),
    pricing: row.pricing,
    paymentMethod: row.paymentMethod,
    minimumTermMonths: row.minimumTermMonths,
    minimumTermEnd: row.minimumTermEnd,
    earlyTermination: {
      kind: row.earlyTermination as 'none' | 'remaining_months' | 'fixed',
      fee: row.earlyTerminationFee === null ? null : yenFromDb(row.earlyTerminationFee),
    },
    history: history.map((h) => ({
      id: h.id,
      kind: h.kind,
      fromStatus: h.fromStatus as ContractStatus | null,
      toStatus: h.toStatus as ContractStatus | null,
      actorKind: h.actorKind,
      actorId: h.actorId,
      reason: h.reason,
      at: h.at,
    })),
  };
}
