// Reads the dev SMS outbox, newest first: what the store would have sent with an SMS provider configured.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { devSms, outbox } from '../../db/schema/notifications.js';

export interface DevSms {
  id: string;
  outboxId: string;
  template: string;
  to: string;
  body: string;
  deliveredAt: Date;
}

/** The most recent `limit` SMS kept in the dev SMS outbox, with the template each was rendered from. */
export async function listDevSms(db: DbOrTx, limit = 20): Promise<DevSms[]> {
  return db
    .select({
      id: devSms.id,
      outboxId: devSms.outboxId,
      template: outbox.template,
      to: devSms.to,
      body: devSms.body,
      deliveredAt: devSms.deliveredAt,
    })
    .from(devSms)
    .innerJoin(outbox, eq(outbox.id, devSms.outboxId))
    .orderBy(desc(devSms.deliveredAt), desc(devSms.id))
    .limit(limit);
}
