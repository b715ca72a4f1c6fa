// Finds which member a pending second-factor challenge belongs to, for the audit of a failed code.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authVerification } from '../../db/schema/identity.js';

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
