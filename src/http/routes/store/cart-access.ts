// Which cart a store request works on: the signed-in member's (merging a guest cart found in the cookie) or the guest's.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../../domain/errors.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import {
  type CartOwner,
  guestCartOwner,
  mergeGuestCart,
  newCartToken,
} from '../../../modules/ordering/index.js';
import type { AppEnv } from '../../openapi-app.js';

export const CART_COOKIE = 'keiyaku.cart';
/** A guest cart is kept for 30 days after it was last changed, as shops usually do. */
const CART_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

async function signedInMemberId(c: Context<AppEnv>): Promise<string | null> {
  try {
    return await requireMemberId(c.get('ctx'), c.req.raw.headers);
  } catch (error) {
    // Not signed in, or a session that timed out: the request is a guest's.
    if (error instanceof AppError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The cart owner. A signed-in member with a guest cart cookie gets that cart merged into theirs now and
 * the cookie cleared (the merge "at sign-in" happens on the first cart request after it). A guest without
 * a cookie gets one only when `create` is set, i.e. when something is put into the cart.
 */
export async function cartOwnerOf(
  c: Context<AppEnv>,
  options: { create: boolean },
): Promise<CartOwner | null> {
  const ctx = c.get('ctx');
  const token = getCookie(c, CART_COOKIE);
  const validToken = token && tokenPattern.test(token) ? token : null;
  const memberId = await signedInMemberId(c);
  if (memberId) {
    if (token !== undefined) {
      if (validToken)
        await mergeGuestCart(ctx.db, { memberId, guestToken: validToken, now: ctx.clock.now() });
      deleteCookie(c, CART_COOKIE, { path: '/api' });
    }
    return { kind: 'member', memberId };
  }
  if (validToken) {
    refreshCookie(c, validToken);
    return guestCartOwner(validToken);
  }
  if (!options.create) return null;
  const fresh = newCartToken();
  refreshCookie(c, fresh);
  return guestCartOwner(fresh);
}

function refreshCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, CART_COOKIE, token, {
    path: '/api',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('ctx').config.publicUrl.startsWith('https:'),
    maxAge: CART_COOKIE_MAX_AGE,
  });
}
