// The contract row, its history and the event payload every contract event carries, shared by the module's operations.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contractEvents, type contracts } from '../../db/schema/contracts.js';
import type { ContractStatus } from '../../domain/contracts.js';
import type { ContractEventBase } from '../events/index.js';

export type ContractRow = typeof contracts.$inferSelect;
export type ContractEventRow = typeof contractEvents.$inferSelect;

/** The dates, price and terms billing needs, as every `contract.*` event carries them. */
export function contractEventBase(row: ContractRow): ContractEventBase {
  return {
    contractId: row.id,
    contractNumber: row.number,
    memberId: row.memberId,
    productId: row.productId,
    plan: row.plan,
    term: row.term,
    quantity: row.quantity,
    options: row.options,
    pricing: row.pricing,
    paymentMethod: row.paymentMethod,
    renewalMode: row.renewalMode,
    startDate: row.startDate,
    currentTermStart: row.currentTermStart,
    currentTermEnd: row.currentTermEnd,
    minimumTermEnd: row.minimumTermEnd,
    trialEnd: row.trialEnd,
    status: row.status,
  };
}

/** The contract's history, oldest first. */
export async function contractHistory(db: DbOrTx, contractId: string): Promise<ContractEventRow[]> {
  return db
    .select()
    .from(contractEvents)
    .where(eq(contractEvents.contractId, contractId))
    .orderBy(asc(contractEvents.at), asc(contractEvents.id));
}

export function asStatus(value: string): ContractStatus {
  return value as ContractStatus;
}
