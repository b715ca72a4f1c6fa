// Writes one audit entry in the caller's transaction, so the change and its record commit together.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/audit.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { currentRequest } from '../../request-context.js';

/** Who made a change: a signed-in person, the system itself, or the command line. */
export interface Actor {
  kind: 'member' | 'operator' | 'system' | 'cli' | 'provider';
  id: string | null;
  requestId?: string;
  /** Given by callers outside a request; inside one, the request's own address and browser are used. */
  ipAddress?: string | null;
  userAgent?: string | null;
}

export interface RecordAuditInput {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  at: Temporal.Instant;
}

/** Appends an audit entry and returns its id. */
export async function recordAudit(tx: DbOrTx, input: RecordAuditInput): Promise<string> {
  const id = newId('audit');
  const request = currentRequest();
  await tx.insert(auditLog).values({
    id,
    at: toDate(input.at),
    actorKind: input.actor.kind,
    actorId: input.actor.id,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: input.before ?? null,
    after: input.after ?? null,
    reason: input.reason ?? null,
    requestId: input.actor.requestId ?? request?.requestId ?? null,
    ipAddress: input.actor.ipAddress ?? request?.ipAddress ?? null,
    userAgent: input.actor.userAgent ?? request?.userAgent ?? null,
  });
  return id;
}
