// Puts a contract into "cancellation scheduled" for its last day: the status, `contract.cancellation_scheduled`, the member's 解約受付 mail and the provider's notice.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../audit/index.js';
import { recordDomainEvent } from '../events/index.js';
import { mailContractMember, tellContractProvider } from './contract-notices.js';
import { type ContractRow, contractEventBase } from './contract-record.js';
import { moveContract } from './move-contract.js';

export interface ScheduleCancellationInput {
  contractId: string;
  requestId: string;
  desiredDate: string;
  endDate: string;
  fee: number;
  actor: Actor;
  reason: string | null;
  now: Temporal.Instant;
}

/** trial | active | suspended → cancellation_scheduled with `end_date`, remembering the status a withdrawal returns to. */
export async function scheduleCancellation(
  tx: DbOrTx,
  input: ScheduleCancellationInput,
): Promise<ContractRow> {
  const row = await moveContract(
    tx,
    { contractId: input.contractId, actor: input.actor, reason: input.reason, now: input.now },
    (current) => ({
      to: 'cancellation_scheduled',
      set: { endDate: input.endDate, statusBeforeCancellation: current.status },
    }),
  );
  await recordDomainEvent(tx, {
    type: 'contract.cancellation_scheduled',
    subjectId: row.id,
    payload: {
      ...contractEventBase(row),
      requestId: input.requestId,
      endDate: input.endDate,
      desiredDate: input.desiredDate,
      earlyTerminationFee: input.fee,
    },
    at: input.now,
  });
  await mailContractMember(
    tx,
    row,
    'contract-cancellation-accepted',
    { desiredDate: input.desiredDate, endDate: input.endDate, earlyTerminationFee: input.fee },
    input.now,
  );
  await tellContractProvider(
    tx,
    row,
    'cancellation_scheduled',
    { endDate: input.endDate, requestId: input.requestId },
    input.now,
  );
  return row;
}
