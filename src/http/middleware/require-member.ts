// The My Page guard: every /api/mypage route answers 401 to a request without a live member session before it reads the body.
import type { MiddlewareHandler } from 'hono';
import { requireMemberSession } from '../../modules/identity/auth-index.js';
import type { AppEnv } from '../openapi-app.js';

/**
 * Checks the session (and its timeouts) first, so a signed-out request learns "sign in" rather than
 * which fields its body got wrong. The route's own `requireMemberId` reuses this check.
 */
export function requireMember(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await requireMemberSession(c.get('ctx'), c.req.raw.headers);
    await next();
  };
}
