// The store's Ed25519 signing keys for licence answers: made once on first use (sealed under the server secret), read back, and listed for publication.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { asc, eq, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../../db/client.js';
import { licenceSigningKeys } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { deriveSealingKey, openSecret, sealSecret } from '../../domain/sealed-secret.js';
import { type Actor, recordAudit } from '../audit/index.js';

/** How long a signed answer lets a product start offline; a retired key stays published this long. */
export const LICENCE_ANSWER_LIFETIME_DAYS = 14;

const SEALING_PURPOSE = 'licence-signing-key';

/** A key that signs: its id and the private key, opened. */
export interface LicenceSigningKey {
  keyId: string;
  privateKey: KeyObject;
}

/** A published public key. */
export interface PublishedLicenceKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** The raw 32-byte public key, base64url (the JWK `x`). */
  publicKey: string;
  /** The same key as an SPKI PEM, for `crypto.createPublicKey` in one line. */
  publicKeyPem: string;
  current: boolean;
  createdAt: string;
  retiredAt: string | null;
  /** For a retired key: when the last answer it signed expires, and the key leaves this list. */
  publishedUntil: string | null;
}

// Opening a sealed key costs an AES decryption and a key parse: keep each opened key per node, by id.
const opened = new Map<string, KeyObject>();

function spkiPem(rawBase64url: string): string {
  // SPKI DER of an Ed25519 key is a fixed 12-byte prefix and the 32 raw bytes (RFC 8410).
  const der = Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(rawBase64url, 'base64url'),
  ]);
  const lines = der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return `-----BEGIN PUBLIC KEY-----\n${lines}\n-----END PUBLIC KEY-----\n`;
}

/**
 * The current signing key; the first call on a store makes it. Two nodes making it at once both try to
 * insert and the partial unique index keeps one: the loser reads the winner's.
 */
export async function currentSigningKey(
  db: DbOrTx,
  input: { secret: string | undefined; now: Temporal.Instant },
): Promise<LicenceSigningKey> {
  const sealingKey = deriveSealingKey(input.secret, SEALING_PURPOSE);
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await db.select().from(licenceSigningKeys).where(isNull(licenceSigningKeys.retiredAt));
    if (row) {
      let key = opened.get(row.id);
      if (!key) {
        const der = Buffer.from(openSecret(sealingKey, row.id, row.sealedPrivateKey), 'base64');
        key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
        opened.set(row.id, key);
      }
      return { keyId: row.id, privateKey: key };
    }
    await db.insert(licenceSigningKeys).values(newKeyRow(sealingKey, input.now)).onConflictDoNothing();
  }
  throw new Error('no current licence signing key after making one');
}

function newKeyRow(sealingKey: Buffer, now: Temporal.Instant): typeof licenceSigningKeys.$inferInsert {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const id = newId('licenceSigningKey');
  const pkcs8 = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64');
  return {
    id,
    publicKey: publicKey.export({ format: 'jwk' }).x!,
    sealedPrivateKey: sealSecret(sealingKey, id, pkcs8),
    createdAt: toDate(now),
  };
}

/**
 * Retires the current key and makes a new one current, in one transaction: answers from now on are signed
 * with the new key, and the old one stays published until the last answer it signed has expired. The
 * current row is locked, so two owners rotating at once rotate one after the other.
 */
export async function rotateSigningKey(
  db: Db,
  input: { secret: string | undefined; actor: Actor; now: Temporal.Instant },
): Promise<{ retiredKeyId: string | null; currentKeyId: string }> {
  const sealingKey = deriveSealingKey(input.secret, SEALING_PURPOSE);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: licenceSigningKeys.id })
      .from(licenceSigningKeys)
      .where(isNull(licenceSigningKeys.retiredAt))
      .for('update');
    if (current) {
      await tx
        .update(licenceSigningKeys)
        .set({ retiredAt: toDate(input.now) })
        .where(eq(licenceSigningKeys.id, current.id));
    }
    const row = newKeyRow(sealingKey, input.now);
    await tx.insert(licenceSigningKeys).values(row);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'licence.signing_key_rotated',
      targetType: 'licence_signing_key',
      targetId: row.id,
      // Key ids only: the private key never leaves its sealed column.
      before: { currentKeyId: current?.id ?? null },
      after: { currentKeyId: row.id },
      at: input.now,
    });
    return { retiredKeyId: current?.id ?? null, currentKeyId: row.id };
  });
}

/**
 * Every key that may have signed an answer still in force at `now`, oldest first: the current key, and each
 * retired key until its retirement plus an answer's lifetime (an answer signed just before the rotation
 * expires then).
 */
export async function listPublishedKeys(db: DbOrTx, now: Temporal.Instant): Promise<PublishedLicenceKey[]> {
  const rows = await db
    .select()
    .from(licenceSigningKeys)
    .orderBy(asc(licenceSigningKeys.createdAt), asc(licenceSigningKeys.id));
  const lifetimeMs = LICENCE_ANSWER_LIFETIME_DAYS * 24 * 3600 * 1000;
  const nowMs = now.epochMilliseconds;
  return rows
    .filter((r) => r.retiredAt === null || r.retiredAt.getTime() + lifetimeMs > nowMs)
    .map((r) => ({
      keyId: r.id,
      algorithm: 'Ed25519' as const,
      publicKey: r.publicKey,
      publicKeyPem: spkiPem(r.publicKey),
      current: r.retiredAt === null,
      createdAt: r.createdAt.toISOString(),
      retiredAt: r.retiredAt?.toISOString() ?? null,
      publishedUntil: r.retiredAt ? new Date(r.retiredAt.getTime() + lifetimeMs).toISOString() : null,
    }));
}
