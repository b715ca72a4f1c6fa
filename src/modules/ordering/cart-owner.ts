// Whose cart a request works on: the signed-in member's, or the guest browser's (by its cookie token).
import { createHash, randomBytes } from 'node:crypto';

export type CartOwner = { kind: 'member'; memberId: string } | { kind: 'guest'; tokenHash: string };

/** A new guest token for the cart cookie: 32 random bytes, base64url. Only its hash is stored. */
export function newCartToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a guest token, as stored in `carts.guest_token_hash`. */
export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The owner for a guest token. */
export function guestCartOwner(token: string): CartOwner {
  return { kind: 'guest', tokenHash: hashCartToken(token) };
}
