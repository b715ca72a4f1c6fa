// Backup codes at rest: AES-256-GCM under an HKDF key from the secret, bound to their member and slot.
import { describe, expect, it } from 'vitest';
import {
  backupCodeKey,
  decryptBackupCode,
  encryptBackupCode,
} from '../../../src/modules/identity/backup-code-cipher.js';
import { normalizeBackupCode } from '../../../src/modules/identity/backup-codes.js';

const key = backupCodeKey('test-secret-test-secret-test-secret-0123');

describe('backup code cipher', () => {
  it('round-trips, never shows the code, and uses a fresh IV each time', () => {
    const a = encryptBackupCode(key, 'mem_a', 0, 'k7m2p-q9xw3');
    const b = encryptBackupCode(key, 'mem_a', 0, 'k7m2p-q9xw3');
    expect(a).not.toBe(b);
    expect(a).not.toContain('k7m2p');
    expect(decryptBackupCode(key, 'mem_a', 0, a)).toBe('k7m2p-q9xw3');
  });

  it('refuses another member, another slot, another secret and a changed byte', () => {
    const stored = encryptBackupCode(key, 'mem_a', 3, 'k7m2p-q9xw3');
    expect(() => decryptBackupCode(key, 'mem_b', 3, stored)).toThrow();
    expect(() => decryptBackupCode(key, 'mem_a', 4, stored)).toThrow();
    expect(() =>
      decryptBackupCode(backupCodeKey('another-secret-another-secret-0123'), 'mem_a', 3, stored),
    ).toThrow();
    const raw = Buffer.from(stored, 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => decryptBackupCode(key, 'mem_a', 3, raw.toString('base64url'))).toThrow();
  });

  it('needs a secret', () => {
    expect(() => backupCodeKey(undefined)).toThrow(/secret/);
    expect(() => backupCodeKey('')).toThrow(/secret/);
  });

  it('compares typed codes without case, spaces or the hyphen', () => {
    expect(normalizeBackupCode(' K7M2P q9xw3 ')).toBe(normalizeBackupCode('k7m2p-q9xw3'));
    expect(normalizeBackupCode('ｋ７ｍ２ｐ－ｑ９ｘｗ３')).toBe('k7m2pq9xw3');
  });
});
