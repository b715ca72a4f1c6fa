// The operator signed in on a request, from the operator instance's own session cookie (a member's cookie is never read).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operators } from '../../db/schema/operators.js';
import { operatorAuth } from './auth.js';
import { hasTotp } from './has-totp.js';
import type { OperatorRole } from './operator-permissions.js';

export interface CurrentOperator {
  id: string;
  loginId: string;
  displayName: string;
  email: string;
  locale: 'ja' | 'en';
  roles: OperatorRole[];
  totpEnabled: boolean;
}

/** The request's operator, or null without a session or when the operator has been disabled since. */
export async function getCurrentOperator(ctx: AppContext, headers: Headers): Promise<CurrentOperator | null> {
  const session = await operatorAuth(ctx).api.getSession({ headers });
  if (!session) return null;
  const [row] = await ctx.db.select().from(operators).where(eq(operators.id, session.user.id));
  if (row?.status !== 'active') return null;
  return {
    id: row.id,
    loginId: row.loginId,
    displayName: row.displayName,
    email: row.email,
    locale: row.locale,
    roles: row.roles,
    totpEnabled: await hasTotp(ctx.db, row.id),
  };
}
