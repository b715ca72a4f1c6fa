// Mails the login IDs registered to an email address, for members who forgot theirs.
import { and, asc, notInArray, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';

export interface SendLoginIdReminderInput {
  email: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** One mail to the address listing every login ID on it; for an unknown address nothing happens. */
export async function sendLoginIdReminder(db: Db, input: SendLoginIdReminderInput): Promise<void> {
  const address = input.email.normalize('NFKC').trim().toLowerCase();
  await db.transaction(async (tx) => {
    // Compared without case: people type their address differently from one form to the next.
    const found = await tx
      .select()
      .from(members)
      // A withdrawn or rejected membership's ID can no longer sign in: listing it would only mislead.
      .where(
        and(sql`lower(${members.email}) = ${address}`, notInArray(members.status, ['withdrawn', 'rejected'])),
      )
      .orderBy(asc(members.createdAt));
    const [first] = found;
    if (!first) return;
    await enqueueMail(tx, {
      template: 'member-login-id-reminder',
      locale: first.locale,
      // The address the members registered, not the spelling typed into the form.
      to: first.email,
      payload: { name: first.name, loginIds: found.map((member) => member.loginId) },
      now: input.now,
    });
    for (const member of found) {
      await recordAudit(tx, {
        actor: { ...input.actor, id: input.actor.id ?? null },
        action: 'member.login_id_reminder_sent',
        targetType: 'member',
        targetId: member.id,
        at: input.now,
      });
    }
  });
}
