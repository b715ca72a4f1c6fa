// Whether an operator has a confirmed authenticator app, which then replaces the mailed code at sign-in.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { operatorTwoFactor } from '../../db/schema/operators.js';

/** True when the operator's TOTP secret has been confirmed with a code from the app. */
export async function hasTotp(db: DbOrTx, operatorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: operatorTwoFactor.id })
    .from(operatorTwoFactor)
    .where(and(eq(operatorTwoFactor.userId, operatorId), eq(operatorTwoFactor.verified, true)));
  return row !== undefined;
}
