// A cancellation or change application as My Page and the console read it, and the row lookups the operations share.
import { and, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contractEvents, contractRequests } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import type { Actor } from '../audit/index.js';

export type ContractRequestRow = typeof contractRequests.$inferSelect;

/** An application with its dates; `effectiveDate` is null while an operator has not confirmed it. */
export interface ContractRequestView {
  id: string;
  contractId: string;
  kind: 'cancellation' | 'change';
  state: 'requested' | 'scheduled' | 'withdrawn' | 'done';
  desiredDate: string;
  effectiveDate: string | null;
  /** Tax-exclusive yen: the early-termination fee of a cancellation. */
  fee: number;
  change: Record<string, unknown> | null;
  reason: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
}

/** The row as its view. */
export function contractRequestView(row: ContractRequestRow): ContractRequestView {
  return {
    id: row.id,
    contractId: row.contractId,
    kind: row.kind,
    state: row.state,
    desiredDate: row.desiredDate,
    effectiveDate: row.effectiveDate,
    fee: Number(row.fee),
    change: row.change ?? null,
    reason: row.reason,
    requestedAt: row.requestedAt,
    decidedAt: row.decidedAt,
  };
}

/** The contract's open (requested or scheduled) application of a kind, locked when `lock` is set. */
export async function openContractRequest(
  tx: DbOrTx,
  contractId: string,
  kind: 'cancellation' | 'change',
  lock = false,
): Promise<ContractRequestRow | undefined> {
  const query = tx
    .select()
    .from(contractRequests)
    .where(
      and(
        eq(contractRequests.contractId, contractId),
        eq(contractRequests.kind, kind),
        inArray(contractRequests.state, ['requested', 'scheduled']),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Writes a history entry for a step that does not change the contract's status (a wish received, withdrawn …). */
export async function recordContractStep(
  tx: DbOrTx,
  input: {
    contractId: string;
    kind: string;
    status: string;
    actor: Actor;
    reason: string | null;
    now: Temporal.Instant;
  },
): Promise<void> {
  await tx.insert(contractEvents).values({
    id: newId('contractEvent'),
    contractId: input.contractId,
    kind: input.kind,
    fromStatus: input.status,
    toStatus: input.status,
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    reason: input.reason,
    at: toDate(input.now),
  });
}
