// Counts one machine against a licence's limit: a machine already activated is seen again, a new one takes a free slot or is refused at the limit.
import { and, count, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { licenceActivations } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import type { LicenceRow } from './find-licence-by-pair.js';

export type MachineActivation = 'seen' | 'activated' | 'limit_reached';

/**
 * Activates `machineFingerprint` on `licence`, whose row the caller has locked `FOR UPDATE` in `tx`: that
 * lock makes racing machines count one after the other, so the last slot goes to exactly one of them.
 */
export async function activateMachine(
  tx: DbOrTx,
  input: {
    licence: LicenceRow;
    machineFingerprint: string;
    productVersion: string;
    actor: Actor;
    now: Temporal.Instant;
  },
): Promise<MachineActivation> {
  const { licence } = input;
  const machine = and(
    eq(licenceActivations.licenceId, licence.id),
    eq(licenceActivations.machineFingerprint, input.machineFingerprint),
  );
  const seen = await tx
    .update(licenceActivations)
    .set({ lastSeenAt: toDate(input.now), lastProductVersion: input.productVersion })
    .where(machine)
    .returning({ licenceId: licenceActivations.licenceId });
  if (seen.length > 0) return 'seen';
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(licenceActivations)
    .where(eq(licenceActivations.licenceId, licence.id));
  if (n >= licence.machineLimit) return 'limit_reached';
  await tx.insert(licenceActivations).values({
    licenceId: licence.id,
    machineFingerprint: input.machineFingerprint,
    activatedAt: toDate(input.now),
    lastSeenAt: toDate(input.now),
    lastProductVersion: input.productVersion,
  });
  await recordAudit(tx, {
    actor: input.actor,
    action: 'licence.machine_activated',
    targetType: 'licence',
    targetId: licence.id,
    after: { machineFingerprint: input.machineFingerprint, productVersion: input.productVersion },
    at: input.now,
  });
  return 'activated';
}
