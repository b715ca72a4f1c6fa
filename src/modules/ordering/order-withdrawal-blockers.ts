// Withdrawal blockers of ordering (seed 003): orders whose services have not started, and trials applied for.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orderLines, orders } from '../../db/schema/ordering.js';
import type { Clock } from '../../domain/clock.js';
import type { WithdrawalBlocker, WithdrawalBlockerRegistry } from '../identity/index.js';

async function memberLines(db: DbOrTx, memberId: string, statuses: readonly string[]) {
  return db
    .select({
      number: orders.number,
      productNameJa: orderLines.productNameJa,
      productNameEn: orderLines.productNameEn,
      isTrial: orderLines.isTrial,
      trialDays: orderLines.trialDays,
      status: orderLines.status,
      serviceStartDate: orderLines.serviceStartDate,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        eq(orders.memberId, memberId),
        inArray(orderLines.status, [...statuses] as ('received' | 'preparing' | 'started' | 'rejected')[]),
      ),
    )
    .orderBy(asc(orders.placedAt), asc(orderLines.position));
}

/** Orders with a (non-trial) line neither started nor rejected: the service is still being prepared. */
export const pendingOrdersBlocker: WithdrawalBlocker = {
  code: 'orders_pending',
  async check(db, memberId) {
    const lines = (await memberLines(db, memberId, ['received', 'preparing'])).filter((l) => !l.isTrial);
    const numbers = [...new Set(lines.map((l) => l.number))];
    return {
      blocked: numbers.length > 0,
      reasons: numbers.map((number) => ({
        ja: `ご注文 ${number} のサービスがまだ提供開始前です`,
        en: `the services of order ${number} have not started yet`,
      })),
    };
  },
};

/**
 * Trials applied for: ordered, neither started nor rejected. Once a trial starts, its contract (in its
 * trial) blocks withdrawal through the contracts module's blocker, so this one stops at the start.
 */
export function trialsInUseBlocker(_clock: Clock): WithdrawalBlocker {
  return {
    code: 'trials_in_use',
    async check(db, memberId) {
      const lines = (await memberLines(db, memberId, ['received', 'preparing'])).filter(
        (line) => line.isTrial,
      );
      return {
        blocked: lines.length > 0,
        reasons: lines.map((line) => ({
          ja: `無料トライアル「${line.productNameJa}」（ご注文 ${line.number}）をお申し込み中です`,
          en: `the free trial of ${line.productNameEn} (order ${line.number}) has been applied for`,
        })),
      };
    },
  };
}

/** Registers ordering's blockers where the app context is built. */
export function registerOrderingWithdrawalBlockers(registry: WithdrawalBlockerRegistry, clock: Clock): void {
  registry.register(pendingOrdersBlocker);
  registry.register(trialsInUseBlocker(clock));
}
