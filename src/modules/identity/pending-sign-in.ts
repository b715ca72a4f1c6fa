// Finds which member a pending second-factor challenge belongs to, for the lockout and the audit of a failed code.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authUser, authVerification } from '../../db/schema/identity.js';
import { normalizeLoginId } from './login-id.js';

/** The member id behind the `keiyaku.two_factor` cookie of a request, or null. */
export async function pendingSignInMember(db: Db, cookieHeader: string | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (!name?.endsWith('keiyaku.two_factor')) continue;
    // A signed cookie is `<value>.<signature>`; the value names the challenge row, whose value is the user id.
    const signed = decodeURIComponent(rest.join('='));
    const identifier = signed.slice(0, signed.lastIndexOf('.'));
    const [row] = await db
      .select({ value: authVerification.value })
      .from(authVerification)
      .where(eq(authVerification.identifier, identifier));
    return row?.value ?? null;
  }
  return null;
}

/** The pending member and the lockout key of their login ID, or null when no challenge is pending. */
export async function pendingSignInLoginIdKey(
  db: Db,
  cookieHeader: string | undefined,
): Promise<{ memberId: string; loginIdKey: string } | null> {
  const memberId = await pendingSignInMember(db, cookieHeader);
  if (!memberId) return null;
  const [user] = await db
    .select({ username: authUser.username })
    .from(authUser)
    .where(eq(authUser.id, memberId));
  if (!user?.username) return null;
  return { memberId, loginIdKey: normalizeLoginId(user.username) };
}
