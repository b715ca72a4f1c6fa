// Sends a member's sign-in code by the channel the member chose: SMS to the mobile number, or mail.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { members } from '../../db/schema/identity.js';
import { enqueueMail, enqueueSms, maskRecipient } from '../notifications/index.js';

/** Where a member's codes go, and what the sign-in page may show of it. */
export interface SignInCodeDestination {
  channel: 'email' | 'sms';
  /** The last four digits of the mobile number, or the mail address with its local part masked. */
  hint: string;
}

type MemberRow = typeof members.$inferSelect;

/** The channel of a member's codes: SMS only with a mobile number on file, so a code always has somewhere to go. */
export function signInCodeDestination(
  member: Pick<MemberRow, 'secondFactorChannel' | 'mobilePhone' | 'email'>,
): SignInCodeDestination {
  if (member.secondFactorChannel === 'sms' && member.mobilePhone) {
    return { channel: 'sms', hint: member.mobilePhone.slice(-4) };
  }
  return { channel: 'email', hint: maskRecipient(member.email) };
}

export interface SendSignInCodeInput {
  memberId: string;
  code: string;
  validMinutes: number;
}

/** Queues the code in the outbox (better-auth's `sendOTP` hook calls this after it stored the hashed code). */
export async function sendSignInCode(ctx: AppContext, input: SendSignInCodeInput): Promise<void> {
  const [member] = await ctx.db.select().from(members).where(eq(members.id, input.memberId));
  if (!member) throw new Error(`no member profile for ${input.memberId}`);
  const now = ctx.clock.now();
  if (signInCodeDestination(member).channel === 'sms') {
    await enqueueSms(ctx.db, {
      template: 'member-sign-in-code',
      locale: member.locale,
      to: member.mobilePhone!,
      payload: { code: input.code, validMinutes: input.validMinutes },
      now,
    });
    return;
  }
  await enqueueMail(ctx.db, {
    template: 'member-sign-in-code',
    locale: member.locale,
    to: member.email,
    payload: { name: member.name, code: input.code, validMinutes: input.validMinutes },
    now,
  });
}
