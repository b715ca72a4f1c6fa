// Writes the audit entries of a set-based change (one per row changed) with a single INSERT in the caller's transaction.
import { sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { currentRequest } from '../../request-context.js';
import type { Actor } from './record-audit.js';

/** One entry of a batch: what changed on which target; actor, action and time are the batch's. */
export interface AuditOfBatch {
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

/** Appends one audit entry per change, all by the same actor and action, and returns their ids. */
export async function recordAudits(
  tx: DbOrTx,
  input: {
    actor: Actor;
    action: string;
    targetType: string;
    entries: readonly AuditOfBatch[];
    at: Temporal.Instant;
  },
): Promise<string[]> {
  if (input.entries.length === 0) return [];
  const request = currentRequest();
  const rows = input.entries.map((e) => ({
    id: newId('audit'),
    target_id: e.targetId,
    before: e.before ?? null,
    after: e.after ?? null,
    reason: e.reason ?? null,
  }));
  await tx.execute(
    sql`insert into audit_log (id, at, actor_kind, actor_id, action, target_type, target_id, before, after, reason,
                               request_id, ip_address, user_agent)
        select x.id, ${toDate(input.at)}, ${input.actor.kind}, ${input.actor.id}, ${input.action}, ${input.targetType},
               x.target_id, x.before, x.after, x.reason,
               ${input.actor.requestId ?? request?.requestId ?? null},
               ${input.actor.ipAddress ?? request?.ipAddress ?? null},
               ${input.actor.userAgent ?? request?.userAgent ?? null}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, target_id text, before jsonb, after jsonb, reason text)`,
  );
  return rows.map((r) => r.id);
}
