// Delivers one outbox SMS: render it with the store's name, hand it to the transport, record the outcome.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { outbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { getStoreSettings } from '../store/index.js';
import { renderSms } from './render-sms.js';
import { PermanentSmsFailure, type SmsTransport } from './sms-transport.js';

export interface DeliverSmsInput {
  outboxId: string;
  transport: SmsTransport;
  now: Temporal.Instant;
  /** True on the job's last try: a failure then marks the SMS failed instead of leaving it pending. */
  lastAttempt: boolean;
}

/** `failed`: the provider refused it for good; the row says why and no retry follows. */
export type DeliverSmsResult = 'delivered' | 'already-delivered' | 'already-failed' | 'missing' | 'failed';

/** Sends the SMS; a temporary failure is recorded on the row and rethrown for the retry. */
export async function deliverSms(db: Db, input: DeliverSmsInput): Promise<DeliverSmsResult> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, input.outboxId), eq(outbox.channel, 'sms')));
  if (!row) return 'missing';
  if (row.status === 'delivered') return 'already-delivered';
  if (row.status === 'failed') return 'already-failed';
  try {
    const store = await getStoreSettings(db);
    const body = renderSms(row.template, row.locale, row.payload, { name: store.name });
    // Not in a transaction: an HTTP call must not hold the database.
    const receipt = await input.transport.send({ outboxId: row.id, to: row.recipient, body }, db, input.now);
    await db
      .update(outbox)
      .set({
        status: 'delivered',
        attempts: row.attempts + 1,
        deliveredAt: toDate(input.now),
        lastError: null,
        providerMessageId: receipt.providerMessageId,
      })
      .where(eq(outbox.id, row.id));
    return 'delivered';
  } catch (error) {
    const permanent = error instanceof PermanentSmsFailure;
    await db
      .update(outbox)
      .set({
        attempts: row.attempts + 1,
        lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        ...(permanent ? { providerErrorCode: error.providerCode } : {}),
        ...(permanent || input.lastAttempt ? { status: 'failed' as const } : {}),
      })
      .where(eq(outbox.id, row.id));
    if (permanent) return 'failed';
    throw error;
  }
}
