// Sends a provisioning request again after its hand-off failed: a new webhook message and new mails, audited.
import { eq, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { provisioningRequests } from '../../db/schema/provisioning.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { findProviders } from '../catalog/index.js';
import { addTimelineEntry, timelineActor } from '../ordering/index.js';
import { getProvisioningRequest } from './get-provisioning-request.js';
import { provisioningErrors } from './provisioning-errors.js';
import type { ProvisioningRequestView } from './provisioning-request-view.js';
import { sendProvisioningRequest } from './send-provisioning-request.js';

export interface ResendProvisioningRequestInput {
  requestId: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Only a failed hand-off is resent (`provisioning_resend_not_needed`, 409, otherwise), so a provider never
 * gets a request twice because someone clicked twice. The same request id is sent: receivers key on it.
 */
export async function resendProvisioningRequest(
  db: Db,
  input: ResendProvisioningRequestInput,
): Promise<ProvisioningRequestView> {
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(provisioningRequests)
      .where(eq(provisioningRequests.id, input.requestId))
      .for('update');
    if (!locked) throw provisioningErrors.requestNotFound();
    const view = await getProvisioningRequest(tx, { requestId: locked.id });
    if (view.delivery.status !== 'failed') throw provisioningErrors.resendNotNeeded();
    const provider = (await findProviders(tx, [locked.providerId])).get(locked.providerId);
    const sent = await sendProvisioningRequest(tx, {
      requestId: locked.id,
      payload: locked.payload,
      provider: provider!,
      now: input.now,
    });
    await tx
      .update(provisioningRequests)
      .set({
        webhookMessageId: sent.webhookMessageId,
        mailOutboxIds: sent.mailOutboxIds,
        sendCount: sql`${provisioningRequests.sendCount} + 1`,
        lastSentAt: toDate(input.now),
      })
      .where(eq(provisioningRequests.id, locked.id));
    await addTimelineEntry(tx, {
      orderId: locked.orderId,
      orderLineId: locked.orderLineId,
      kind: 'provisioning_requested',
      actor: timelineActor(input.actor),
      note: 'resent',
      now: input.now,
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'provisioning_request.resent',
      targetType: 'provisioning_request',
      targetId: locked.id,
      before: { sendCount: locked.sendCount, webhookMessageId: locked.webhookMessageId },
      after: { sendCount: locked.sendCount + 1, webhookMessageId: sent.webhookMessageId },
      at: input.now,
    });
  });
  return getProvisioningRequest(db, { requestId: input.requestId });
}
