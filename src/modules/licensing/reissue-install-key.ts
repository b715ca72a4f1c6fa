// Revokes a licence's install key and issues a new one (a lost or leaked key): the old key stops working at once, the new one is shown to the operator once and never stored.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { hashInstallKey, newInstallKey } from '../../domain/licences.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { licenceErrors } from './licence-errors.js';

/** Replaces the key's hash; the caller shows `installKey` once. Activated machines stay. */
export async function reissueInstallKey(
  db: Db,
  input: { licenceId: string; reason: string | null; actor: Actor; now: Temporal.Instant },
): Promise<{ registrationNumber: string; installKey: string }> {
  const installKey = newInstallKey();
  return db.transaction(async (tx) => {
    const [licence] = await tx
      .select({ id: licences.id, registrationNumber: licences.registrationNumber })
      .from(licences)
      .where(eq(licences.id, input.licenceId))
      .for('update');
    if (!licence) throw licenceErrors.notFound();
    await tx
      .update(licences)
      .set({ installKeyHash: hashInstallKey(installKey), updatedAt: toDate(input.now) })
      .where(eq(licences.id, licence.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'licence.install_key_reissued',
      targetType: 'licence',
      targetId: licence.id,
      // That it changed, never the key.
      after: { registrationNumber: licence.registrationNumber },
      ...(input.reason ? { reason: input.reason } : {}),
      at: input.now,
    });
    return { registrationNumber: licence.registrationNumber, installKey };
  });
}
