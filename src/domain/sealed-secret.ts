// Secrets kept in the database (backup codes, webhook signing secrets): AES-256-GCM under HKDF keys from the server secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The 32-byte key for one purpose; a separate HKDF `info` per purpose keeps each key unrelated to every
 * other use of the server secret.
 */
export function deriveSealingKey(secret: string | undefined, purpose: string): Buffer {
  // An empty secret would give every installation the same key.
  if (!secret) throw new Error(`${purpose} needs config.secret; resolveSecret runs before the app is built`);
  return Buffer.from(hkdfSync('sha256', secret, 'keiyaku', purpose, 32));
}

/**
 * `base64url(iv ‖ tag ‖ ciphertext)` of `plaintext`. `boundTo` is authenticated but not stored (the row's
 * identity), so a ciphertext copied to another row fails to open.
 */
export function sealSecret(key: Buffer, boundTo: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plaintext inside a sealed value; throws when it was tampered with or is bound to another row. */
export function openSecret(key: Buffer, boundTo: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
