// The order's status as lists show it, derived from its lines; the list and its ja/en labels are in src/domain/orders.ts.
import type { OrderLineStatus, OrderStatus } from '../../domain/orders.js';

export { type OrderStatus, orderStatusLabels } from '../../domain/orders.js';

/**
 * Every line received → received; every line rejected → rejected; every line started or rejected (at least
 * one started) → completed; anything else (some preparing or started) → in progress.
 */
export function deriveOrderStatus(lines: readonly OrderLineStatus[]): OrderStatus {
  if (lines.every((s) => s === 'received')) return 'received';
  if (lines.every((s) => s === 'rejected')) return 'rejected';
  if (lines.every((s) => s === 'started' || s === 'rejected')) return 'completed';
  return 'in_progress';
}

/** Orders cannot be cancelled (seed 001); said on the receipt and on My Page. */
export const orderCancellationNotice = {
  ja: 'ご注文後のキャンセルはできません。ご利用をやめる場合は契約の解約をお申し込みください（無料トライアル期間中の解約は無料です）。',
  en: 'Orders cannot be cancelled. To stop using a service, cancel its contract instead (free during a free trial).',
};
