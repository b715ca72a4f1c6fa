// Finds which operator a pending second-factor challenge belongs to: for the audit of a failed code and to pick the factor.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { operatorVerification } from '../../db/schema/operators.js';
import { OPERATOR_COOKIE_PREFIX } from './auth.js';

const cookieName = `${OPERATOR_COOKIE_PREFIX}.two_factor`;

/** The operator id behind the `keiyaku_admin.two_factor` cookie of a request, or null. */
export async function pendingOperatorSignIn(
  db: Db,
  cookieHeader: string | undefined,
): Promise<string | null> {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    // `__Secure-` is added behind TLS.
    if (name !== cookieName && name !== `__Secure-${cookieName}`) continue;
    // A signed cookie is `<value>.<signature>`; the value names the challenge row, whose value is the user id.
    // The signature is checked by better-auth itself when the code is verified.
    const signed = decodeURIComponent(rest.join('='));
    const identifier = signed.slice(0, signed.lastIndexOf('.'));
    const [row] = await db
      .select({ value: operatorVerification.value })
      .from(operatorVerification)
      .where(eq(operatorVerification.identifier, identifier));
    return row?.value ?? null;
  }
  return null;
}
