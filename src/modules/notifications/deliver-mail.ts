// Delivers one outbox mail: render it with the store's current identity, send it, mark it delivered.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { outbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { getStoreSettings } from '../store/index.js';
import type { MailTransport } from './mail-transport.js';
import { renderMail } from './render-mail.js';

export interface DeliverMailInput {
  outboxId: string;
  transport: MailTransport;
  from: string;
  publicUrl: string;
  now: Temporal.Instant;
  /** True on the job's last try: a failure then marks the mail failed instead of leaving it pending. */
  lastAttempt: boolean;
}

export type DeliverMailResult = 'delivered' | 'already-delivered' | 'missing';

/** Sends the mail once it is due; a failure is recorded on the row and rethrown for the retry. */
export async function deliverMail(db: Db, input: DeliverMailInput): Promise<DeliverMailResult> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, input.outboxId), eq(outbox.channel, 'mail')));
  if (!row) return 'missing';
  if (row.status === 'delivered') return 'already-delivered';
  try {
    const store = await getStoreSettings(db);
    const rendered = renderMail(row.template, row.locale, row.payload, {
      name: store.name,
      email: store.email,
      phone: store.phone,
      businessHours: store.businessHours,
      publicUrl: input.publicUrl,
    });
    // Not in a transaction: an SMTP conversation must not hold the database, and at-least-once
    // delivery with a stable Message-ID is the promise anyway.
    await input.transport.send(
      { outboxId: row.id, messageId: row.messageId, from: input.from, to: row.recipient, ...rendered },
      db,
      input.now,
    );
    await db
      .update(outbox)
      .set({
        status: 'delivered',
        attempts: row.attempts + 1,
        deliveredAt: toDate(input.now),
        lastError: null,
      })
      .where(eq(outbox.id, row.id));
    return 'delivered';
  } catch (error) {
    await db
      .update(outbox)
      .set({
        attempts: row.attempts + 1,
        lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        ...(input.lastAttempt ? { status: 'failed' as const } : {}),
      })
      .where(eq(outbox.id, row.id));
    throw error;
  }
}
