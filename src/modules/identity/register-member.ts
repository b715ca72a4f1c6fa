// Registers a member: better-auth's user and credential rows, our profile, both consents, the confirmation mail and the audit entry in one transaction.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authAccount, authUser, memberConsents, members } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import type { Locale } from '../notifications/index.js';
import { getStoreSettings } from '../store/index.js';
import { sendConfirmation } from './confirmation-token.js';
import { getCurrentTerms } from './get-current-terms.js';
import { identityErrors } from './identity-errors.js';
import { internalEmailFor } from './member-fields.js';
import { hashPassword } from './password-hashing.js';
import { parseRegistration } from './registration-fields.js';

export interface RegisterMemberInput {
  /** The form as sent; `parseRegistration` validates and normalises every field. */
  registration: unknown;
  /** Where the consent came from, kept with it; null when unknown. */
  ipAddress: string | null;
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
 * its hooks cannot join our transaction and the profile, the consents, the mail and the audit entry must commit with them.
 */
export async function registerMember(db: Db, input: RegisterMemberInput): Promise<RegisteredMember> {
  const current = await getCurrentTerms(db, input.now);
  // The store's own preset, the one /api/store tells the form to check against, as reset and change use.
  const { passwordPolicy } = await getStoreSettings(db);
  const fields = parseRegistration(input.registration, {
    passwordPolicy,
    termsVersion: current.terms.version,
    privacyPolicyVersion: current.privacy.version,
  });
  const [taken] = await db
    .select({ id: authUser.id })
    .from(authUser)
    .where(eq(authUser.username, fields.loginIdKey));
  if (taken) throw identityErrors.loginIdTaken();

  const passwordHash = await hashPassword(fields.password);
  const memberId = newId('member');
  const at = toDate(input.now);
  const profile = {
    loginId: fields.loginId,
    memberKind: fields.memberKind,
    name: fields.name,
    nameKana: fields.nameKana,
    email: fields.email,
    companyName: fields.companyName,
    department: fields.department,
    postalCode: fields.postalCode,
    prefecture: fields.prefecture,
    city: fields.city,
    street: fields.street,
    building: fields.building,
    phone: fields.phone,
    secondFactorChannel: fields.secondFactorChannel,
    mobilePhone: fields.mobilePhone,
    marketingOptIn: fields.marketingOptIn,
  };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(authUser).values({
        id: memberId,
        name: fields.name,
        email: internalEmailFor(memberId),
        emailVerified: false,
        username: fields.loginIdKey,
        displayUsername: fields.loginId,
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
        ...profile,
        locale: input.locale,
        status: 'unconfirmed',
        termsVersion: fields.termsVersion,
        termsAcceptedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(memberConsents).values([
        {
          id: newId('memberConsent'),
          memberId,
          kind: 'terms',
          version: fields.termsVersion,
          agreedAt: at,
          ipAddress: input.ipAddress,
        },
        {
          id: newId('memberConsent'),
          memberId,
          kind: 'privacy',
          version: fields.privacyPolicyVersion,
          agreedAt: at,
          ipAddress: input.ipAddress,
        },
      ]);
      await sendConfirmation(tx, {
        memberId,
        loginId: fields.loginId,
        name: fields.name,
        email: fields.email,
        locale: input.locale,
        now: input.now,
      });
      await recordAudit(tx, {
        actor: { ...input.actor, id: input.actor.id ?? memberId },
        action: 'member.registered',
        targetType: 'member',
        targetId: memberId,
        after: {
          ...profile,
          status: 'unconfirmed',
          termsVersion: fields.termsVersion,
          privacyPolicyVersion: fields.privacyPolicyVersion,
        },
        at: input.now,
      });
    });
  } catch (error) {
    // Two registrations racing for one login ID: the unique index decides, the loser hears "taken".
    if (isUniqueViolation(error)) throw identityErrors.loginIdTaken();
    throw error;
  }
  return { memberId, loginId: fields.loginId, status: 'unconfirmed' };
}
