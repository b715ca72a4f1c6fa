// A member's backup codes in the table: issuing a fresh set, reading them back, and spending one.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { memberBackupCodes } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { decryptBackupCode, encryptBackupCode } from './backup-code-cipher.js';

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface BackupCode {
  code: string;
  used: boolean;
}

function newCode(): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** How a typed code is compared: case, spaces and the hyphen do not matter. */
export function normalizeBackupCode(code: string): string {
  return code.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
}

/** Replaces the member's codes with ten new ones (old ones stop working) and returns them. */
export async function issueBackupCodes(
  tx: DbOrTx,
  key: Buffer,
  memberId: string,
  now: Temporal.Instant,
): Promise<BackupCode[]> {
  await tx.delete(memberBackupCodes).where(eq(memberBackupCodes.memberId, memberId));
  const codes = Array.from({ length: BACKUP_CODE_COUNT }, newCode);
  await tx.insert(memberBackupCodes).values(
    codes.map((code, position) => ({
      memberId,
      position,
      ciphertext: encryptBackupCode(key, memberId, position, code),
      createdAt: toDate(now),
    })),
  );
  return codes.map((code) => ({ code, used: false }));
}

/** The member's codes in order with their used flags; empty when none were issued yet. */
export async function readBackupCodes(db: DbOrTx, key: Buffer, memberId: string): Promise<BackupCode[]> {
  const rows = await db
    .select()
    .from(memberBackupCodes)
    .where(eq(memberBackupCodes.memberId, memberId))
    .orderBy(asc(memberBackupCodes.position));
  return rows.map((row) => ({
    code: decryptBackupCode(key, memberId, row.position, row.ciphertext),
    used: row.usedAt !== null,
  }));
}

/** Marks the matching unused code used; returns false when none matches. A race is won by one request only. */
export async function spendBackupCode(
  db: DbOrTx,
  key: Buffer,
  input: { memberId: string; code: string; now: Temporal.Instant },
): Promise<boolean> {
  const typed = Buffer.from(normalizeBackupCode(input.code));
  const rows = await db
    .select()
    .from(memberBackupCodes)
    .where(and(eq(memberBackupCodes.memberId, input.memberId), isNull(memberBackupCodes.usedAt)));
  // Every unused code is compared, matching or not, so the answer time does not tell where a match was.
  let match: number | null = null;
  for (const row of rows) {
    const stored = Buffer.from(
      normalizeBackupCode(decryptBackupCode(key, input.memberId, row.position, row.ciphertext)),
    );
    if (stored.length === typed.length && timingSafeEqual(stored, typed)) match = row.position;
  }
  if (match === null) return false;
  const spent = await db
    .update(memberBackupCodes)
    .set({ usedAt: toDate(input.now) })
    .where(
      and(
        eq(memberBackupCodes.memberId, input.memberId),
        eq(memberBackupCodes.position, match),
        isNull(memberBackupCodes.usedAt),
      ),
    )
    .returning({ position: memberBackupCodes.position });
  return spent.length === 1;
}
