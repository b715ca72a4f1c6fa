// One licence's validation log for the console: every answer `validate` gave for it, newest first, paged.
import { asc, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licenceActivations, licences, licenceValidations } from '../../db/schema/licensing.js';
import type { LicenceAnswerCode } from '../../domain/licences.js';
import { licenceErrors } from './licence-errors.js';
import { machineFingerprintHash } from './record-validation.js';

/** One logged answer. `machineFingerprint` is known only while that machine is activated on the licence. */
export interface LicenceValidationEntry {
  id: number;
  at: string;
  code: LicenceAnswerCode;
  productVersion: string;
  machineFingerprintHash: string;
  machineFingerprint: string | null;
  ipAddress: string | null;
}

/** A page of the licence's validations (newest first, then by id) and how many there are; `licence_not_found` (404). */
export async function listLicenceValidations(
  db: DbOrTx,
  input: { licenceId: string; limit: number; offset: number },
): Promise<{ items: LicenceValidationEntry[]; total: number }> {
  const [licence] = await db
    .select({ id: licences.id })
    .from(licences)
    .where(eq(licences.id, input.licenceId));
  if (!licence) throw licenceErrors.notFound();
  const mine = eq(licenceValidations.licenceId, input.licenceId);
  const [rows, [totals], machines] = await Promise.all([
    db
      .select()
      .from(licenceValidations)
      .where(mine)
      .orderBy(desc(licenceValidations.at), desc(licenceValidations.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ n: count() }).from(licenceValidations).where(mine),
    db
      .select({ fingerprint: licenceActivations.machineFingerprint })
      .from(licenceActivations)
      .where(eq(licenceActivations.licenceId, input.licenceId))
      .orderBy(asc(licenceActivations.machineFingerprint)),
  ]);
  // The log keeps only a hash; the machines still activated give their fingerprints back.
  const byHash = new Map(machines.map((m) => [machineFingerprintHash(m.fingerprint), m.fingerprint]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      code: r.code as LicenceAnswerCode,
      productVersion: r.productVersion,
      machineFingerprintHash: r.machineFingerprintHash,
      machineFingerprint: byHash.get(r.machineFingerprintHash) ?? null,
      ipAddress: r.ipAddress,
    })),
    total: totals?.n ?? 0,
  };
}
