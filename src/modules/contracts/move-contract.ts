// Moves a contract to another status in one transaction: lock, status machine, the row, history, domain event, audit.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractEvents, contracts } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { assertContractTransition, type ContractStatus } from '../../domain/contracts.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { recordDomainEvent } from '../events/index.js';
import { contractErrors } from './contract-errors.js';
import { type ContractRow, contractEventBase } from './contract-record.js';

export interface MoveContractInput {
  contractId: string;
  /** Set for member actions: another member's contract is `contract_not_found`. */
  memberId?: string;
  actor: Actor;
  reason: string | null;
  now: Temporal.Instant;
}

/** The contract row locked for a change; unknown (or another member's) is 404. */
export async function lockContract(
  tx: DbOrTx,
  input: Pick<MoveContractInput, 'contractId' | 'memberId'>,
): Promise<ContractRow> {
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, input.contractId)).for('update');
  if (!row || (input.memberId !== undefined && row.memberId !== input.memberId))
    throw contractErrors.notFound();
  return row;
}

/**
 * Locks the contract, asks `decide` where it goes (it may throw) and what else to set, checks the step
 * against the machine, and writes the row, the history entry, `contract.status_changed` and the audit.
 */
export async function moveContract(
  tx: DbOrTx,
  input: MoveContractInput,
  decide: (row: ContractRow) => { to: ContractStatus; set?: Partial<typeof contracts.$inferInsert> },
): Promise<ContractRow> {
  const row = await lockContract(tx, input);
  const { to, set } = decide(row);
  assertContractTransition(row.status, to);
  const [updated] = await tx
    .update(contracts)
    .set({ ...set, status: to, updatedAt: toDate(input.now) })
    .where(eq(contracts.id, row.id))
    .returning();
  await tx.insert(contractEvents).values({
    id: newId('contractEvent'),
    contractId: row.id,
    kind: 'status_changed',
    fromStatus: row.status,
    toStatus: to,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    reason: input.reason,
    at: toDate(input.now),
  });
  await recordDomainEvent(tx, {
    type: 'contract.status_changed',
    subjectId: row.id,
    payload: { ...contractEventBase(updated!), fromStatus: row.status, toStatus: to, reason: input.reason },
    at: input.now,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: `contract.${to}`,
    targetType: 'contract',
    targetId: row.id,
    before: { status: row.status },
    after: { status: to },
    ...(input.reason !== null ? { reason: input.reason } : {}),
    at: input.now,
  });
  return updated!;
}
