// Sends a fresh confirmation link to an unconfirmed member; the caller answers the same whatever happened.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser, members } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { sendConfirmation } from './confirmation-token.js';
import { normalizeLoginId } from './member-fields.js';

export interface ResendConfirmationInput {
  loginId: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Queues a new link (older ones stop working) if the login ID names an unconfirmed member; otherwise does nothing. */
export async function resendConfirmation(db: Db, input: ResendConfirmationInput): Promise<void> {
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        id: members.id,
        loginId: members.loginId,
        name: members.name,
        email: members.email,
        locale: members.locale,
        status: members.status,
      })
      .from(members)
      .innerJoin(authUser, eq(authUser.id, members.id))
      .where(eq(authUser.username, normalizeLoginId(input.loginId)));
    if (member?.status !== 'unconfirmed') return;
    await sendConfirmation(tx, {
      memberId: member.id,
      loginId: member.loginId,
      name: member.name,
      email: member.email,
      locale: member.locale,
      now: input.now,
    });
    await recordAudit(tx, {
      actor: { ...input.actor, id: member.id },
      action: 'member.confirmation_resent',
      targetType: 'member',
      targetId: member.id,
      at: input.now,
    });
  });
}
