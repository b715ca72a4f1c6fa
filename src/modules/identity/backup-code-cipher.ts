// Encrypts backup codes at rest: AES-256-GCM under a key derived from the server secret with HKDF (node:crypto).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const KEY_INFO = 'keiyaku member backup codes v1';

/** The 32-byte key for backup codes; a separate HKDF `info` keeps it unrelated to every other use of the secret. */
export function backupCodeKey(secret: string | undefined): Buffer {
  // An empty secret would give every installation the same key.
  if (!secret) throw new Error('backup codes need config.secret; resolveSecret runs before the app is built');
  return Buffer.from(hkdfSync('sha256', secret, 'keiyaku', KEY_INFO, 32));
}

// The member and the slot are bound in as associated data, so a ciphertext copied to another row fails to open.
function associatedData(memberId: string, position: number): Buffer {
  return Buffer.from(`${memberId}:${position}`);
}

/** `base64url(iv ‖ tag ‖ ciphertext)` of one code. */
export function encryptBackupCode(key: Buffer, memberId: string, position: number, code: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(memberId, position));
  const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The code inside a stored ciphertext; throws when it was tampered with or belongs to another slot. */
export function decryptBackupCode(key: Buffer, memberId: string, position: number, stored: string): string {
  const raw = Buffer.from(stored, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(associatedData(memberId, position));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
