// Records how an operator confirmed a person's identity, with the audit entry of the action it allowed, in the caller's transaction.
import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { identityCheckMethods, identityChecks } from '../../db/schema/audit.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from './record-audit.js';

/**
 * The identity check an operator states before restoring someone's access: how the person was confirmed
 * (a call back to the registered number, a reply from the registered address, a document, or otherwise)
 * and a note saying what was checked. Required, so no unlock or reset happens on a bare request.
 */
export const identityCheckSchema = z.object({
  method: z.enum(identityCheckMethods),
  note: z.string().trim().min(1).max(1000),
});

export type IdentityCheck = z.infer<typeof identityCheckSchema>;

export interface RecordIdentityCheckInput {
  actor: Actor & { kind: 'operator'; id: string };
  /** The audited action, e.g. `login_id.unlocked`; the identity check is copied into its `after`. */
  action: string;
  /** What the check was for, e.g. `member.unlock`. */
  purpose: string;
  targetType: string;
  targetId: string;
  check: IdentityCheck;
  before?: unknown;
  after?: Record<string, unknown>;
  at: Temporal.Instant;
}

/** Writes the audit entry and the identity check pointing at it; returns the check's id. */
export async function recordIdentityCheck(tx: DbOrTx, input: RecordIdentityCheckInput): Promise<string> {
  const id = newId('identityCheck');
  const auditId = await recordAudit(tx, {
    actor: input.actor,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: input.before,
    after: { ...input.after, identityCheck: { id, method: input.check.method, note: input.check.note } },
    at: input.at,
  });
  await tx.insert(identityChecks).values({
    id,
    at: toDate(input.at),
    operatorId: input.actor.id,
    purpose: input.purpose,
    subjectType: input.targetType,
    subjectId: input.targetId,
    method: input.check.method,
    note: input.check.note,
    auditId,
  });
  return id;
}
