// Encrypts backup codes at rest, each bound to its member and slot (see domain/sealed-secret.ts).
import { deriveSealingKey, openSecret, sealSecret } from '../../domain/sealed-secret.js';

const KEY_INFO = 'keiyaku member backup codes v1';

/** The 32-byte key for backup codes. */
export function backupCodeKey(secret: string | undefined): Buffer {
  return deriveSealingKey(secret, KEY_INFO);
}

/** `base64url(iv ‖ tag ‖ ciphertext)` of one code. */
export function encryptBackupCode(key: Buffer, memberId: string, position: number, code: string): string {
  return sealSecret(key, `${memberId}:${position}`, code);
}

/** The code inside a stored ciphertext; throws when it was tampered with or belongs to another slot. */
export function decryptBackupCode(key: Buffer, memberId: string, position: number, stored: string): string {
  return openSecret(key, `${memberId}:${position}`, stored);
}
