// Appends one answer of `POST /api/license/v1/validate` to the validation log: one insert, in the validation's own transaction.
import { createHash } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { licenceValidations } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import type { LicenceAnswerCode } from '../../domain/licences.js';

/** Hex SHA-256 of a machine fingerprint as the product sent it: the log and the console compare by it. */
export function machineFingerprintHash(fingerprint: string): string {
  return createHash('sha256').update(fingerprint, 'utf8').digest('hex');
}

/** Writes the answer given; `licenceId` is null when the pair matched no licence. */
export async function recordValidation(
  tx: DbOrTx,
  input: {
    licenceId: string | null;
    machineFingerprint: string;
    productVersion: string;
    code: LicenceAnswerCode;
    now: Temporal.Instant;
    ipAddress: string | null;
  },
): Promise<void> {
  await tx.insert(licenceValidations).values({
    licenceId: input.licenceId,
    machineFingerprintHash: machineFingerprintHash(input.machineFingerprint),
    productVersion: input.productVersion,
    code: input.code,
    at: toDate(input.now),
    ipAddress: input.ipAddress,
  });
}
