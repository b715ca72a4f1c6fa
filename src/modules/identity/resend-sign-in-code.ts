// Sends a new sign-in code to a member who is waiting for one, at most once a minute.
import { and, desc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../../context.js';
import { auditLog } from '../../db/schema/audit.js';
import { members } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { memberAuth } from './auth.js';
import { identityErrors } from './identity-errors.js';
import { pendingSignInMember } from './pending-sign-in.js';
import { type SignInCodeDestination, signInCodeDestination } from './send-sign-in-code.js';

/** How long after a code was sent a new one may be asked for (issue: "resend after 60 seconds"). */
export const CODE_RESEND_SECONDS = 60;

export interface ResendSignInCodeInput {
  headers: Headers;
  actor: Actor;
}

/**
 * A new code replaces the one sent before (better-auth keeps one code per challenge), by the member's
 * channel. The time of the last code is the audit log's `member.sign_in_code_sent`, written whenever a
 * code goes out. `sign_in_not_pending` (401) without a challenge; `code_resend_too_soon` (429, with the
 * seconds left) within the minute.
 */
export async function resendSignInCode(
  ctx: AppContext,
  input: ResendSignInCodeInput,
): Promise<SignInCodeDestination> {
  const memberId = await pendingSignInMember(ctx.db, input.headers.get('cookie') ?? undefined);
  if (!memberId) throw identityErrors.signInNotPending();
  const now = ctx.clock.now();
  const [last] = await ctx.db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, memberId), eq(auditLog.action, 'member.sign_in_code_sent')))
    .orderBy(desc(auditLog.at))
    .limit(1);
  if (last) {
    const since = now.since(Temporal.Instant.fromEpochMilliseconds(last.at.getTime())).total('seconds');
    if (since < CODE_RESEND_SECONDS)
      throw identityErrors.codeResendTooSoon(Math.ceil(CODE_RESEND_SECONDS - since));
  }
  const [member] = await ctx.db
    .select({
      secondFactorChannel: members.secondFactorChannel,
      mobilePhone: members.mobilePhone,
      email: members.email,
    })
    .from(members)
    .where(eq(members.id, memberId));
  if (!member) throw identityErrors.signInNotPending();
  await memberAuth(ctx).api.sendTwoFactorOTP({ body: {}, headers: input.headers });
  const destination = signInCodeDestination(member);
  await recordAudit(ctx.db, {
    actor: { ...input.actor, id: memberId },
    action: 'member.sign_in_code_sent',
    targetType: 'member',
    targetId: memberId,
    reason: `resent by ${destination.channel}`,
    at: now,
  });
  return destination;
}
