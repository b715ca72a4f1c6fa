// Registers a member: better-auth's user and credential rows, our profile, the confirmation mail and the audit entry in one transaction.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authAccount, authUser, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import type { Locale } from '../notifications/index.js';
import { sendConfirmation } from './confirmation-token.js';
import { identityErrors } from './identity-errors.js';
import { internalEmailFor, normalizeLoginId, passwordIssues } from './member-fields.js';
import { hashPassword } from './password-hashing.js';

export interface RegisterMemberInput {
  loginId: string;
  password: string;
  name: string;
  nameKana: string;
  email: string;
  termsVersion: string;
  locale: Locale;
  actor: Actor;
  now: Temporal.Instant;
}

export interface RegisteredMember {
  memberId: string;
  loginId: string;
  status: 'unconfirmed';
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Creates an unconfirmed member. The rows better-auth reads at sign-in (`user` with `twoFactorEnabled`,
 * `account` with the argon2id hash) are written here rather than through its sign-up endpoint, because
 * its hooks cannot join our transaction and the profile, the mail and the audit entry must commit with them.
 */
export async function registerMember(db: Db, input: RegisterMemberInput): Promise<RegisteredMember> {
  const issues = passwordIssues(input.password);
  if (issues.length > 0) throw identityErrors.weakPassword(issues);
  const username = normalizeLoginId(input.loginId);
  const [taken] = await db.select({ id: authUser.id }).from(authUser).where(eq(authUser.username, username));
  if (taken) throw identityErrors.loginIdTaken();

  const passwordHash = await hashPassword(input.password);
  const memberId = newId('member');
  const at = toDate(input.now);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(authUser).values({
        id: memberId,
        name: input.name,
        email: internalEmailFor(memberId),
        emailVerified: false,
        username,
        displayUsername: input.loginId,
        // Every member signs in with a mailed code; better-auth asks for it only when this is set.
        twoFactorEnabled: true,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(authAccount).values({
        id: newId('account'),
        accountId: memberId,
        providerId: 'credential',
        userId: memberId,
        password: passwordHash,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(members).values({
        id: memberId,
        loginId: input.loginId,
        name: input.name,
        nameKana: input.nameKana,
        email: input.email,
        locale: input.locale,
        status: 'unconfirmed',
        termsVersion: input.termsVersion,
        termsAcceptedAt: at,
        createdAt: at,
      });
      await sendConfirmation(tx, {
        memberId,
        loginId: input.loginId,
        name: input.name,
        email: input.email,
        locale: input.locale,
        now: input.now,
      });
      await recordAudit(tx, {
        actor: { ...input.actor, id: input.actor.id ?? memberId },
        action: 'member.registered',
        targetType: 'member',
        targetId: memberId,
        after: { loginId: input.loginId, status: 'unconfirmed', termsVersion: input.termsVersion },
        at: input.now,
      });
    });
  } catch (error) {
    // Two registrations racing for one login ID: the unique index decides, the loser hears "taken".
    if (isUniqueViolation(error)) throw identityErrors.loginIdTaken();
    throw error;
  }
  return { memberId, loginId: input.loginId, status: 'unconfirmed' };
}
