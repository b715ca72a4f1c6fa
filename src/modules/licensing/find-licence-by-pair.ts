// Finds a licence by what a person typed (registration number and install key) and locks its row; a wrong number and a wrong key look alike.
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { hashInstallKey, normaliseRegistrationNumber } from '../../domain/licences.js';

// Compared against when the number is unknown, so a wrong number costs what a wrong key costs.
const NO_HASH = Buffer.alloc(32);

export type LicenceRow = typeof licences.$inferSelect;

/** The licence whose number and key both match, locked `FOR UPDATE` in `tx`, or null. */
export async function findLicenceByPair(
  tx: DbOrTx,
  typed: { registrationNumber: string; installKey: string },
): Promise<LicenceRow | null> {
  const number = normaliseRegistrationNumber(typed.registrationNumber);
  const presented = Buffer.from(hashInstallKey(typed.installKey), 'hex');
  const [licence] = number
    ? await tx.select().from(licences).where(eq(licences.registrationNumber, number)).for('update')
    : [];
  const stored = licence ? Buffer.from(licence.installKeyHash, 'hex') : NO_HASH;
  const matches = timingSafeEqual(stored, presented) && licence !== undefined;
  return matches ? licence : null;
}
