// The two secrets of a password reset (link token, temporary password) and how they are stored: SHA-256 only.
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** How long the link and the temporary password work. */
export const PASSWORD_RESET_VALID_MINUTES = 30;
/** Wrong temporary passwords allowed before the link itself is spent. */
export const PASSWORD_RESET_ATTEMPTS = 5;

// Easy to copy by hand: no 0/O, 1/l/I.
const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A new link token (256 random bits). */
export function newResetToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new temporary password: 16 characters, about 93 random bits, in groups of four. */
export function newTemporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
  return out.match(/.{4}/g)!.join('-');
}

/** The stored form of either secret; both are random enough that a plain hash cannot be brute-forced. */
export function hashResetSecret(secret: string): string {
  return createHash('sha256').update(secret.trim()).digest('base64url');
}
