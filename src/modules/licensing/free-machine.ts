// Frees one machine of a licence so another can be activated: asked by the member on My Page or by the product with the licence's number and key.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db, DbOrTx } from '../../db/client.js';
import { licenceActivations, licences } from '../../db/schema/licensing.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { findLicenceByPair, type LicenceRow } from './find-licence-by-pair.js';
import { licenceErrors } from './licence-errors.js';

async function removeMachine(
  tx: DbOrTx,
  licence: LicenceRow,
  input: { machineFingerprint: string; actor: Actor; now: Temporal.Instant; reason?: string | null },
): Promise<void> {
  const removed = await tx
    .delete(licenceActivations)
    .where(
      and(
        eq(licenceActivations.licenceId, licence.id),
        eq(licenceActivations.machineFingerprint, input.machineFingerprint),
      ),
    )
    .returning({ lastProductVersion: licenceActivations.lastProductVersion });
  if (removed.length === 0) throw licenceErrors.machineNotFound();
  await recordAudit(tx, {
    actor: input.actor,
    action: 'licence.machine_freed',
    targetType: 'licence',
    targetId: licence.id,
    before: { machineFingerprint: input.machineFingerprint },
    ...(input.reason ? { reason: input.reason } : {}),
    at: input.now,
  });
}

/** The member frees a machine of one of their licences; another member's licence is `licence_not_found`. */
export async function freeMemberMachine(
  db: Db,
  input: {
    memberId: string;
    licenceId: string;
    machineFingerprint: string;
    actor: Actor;
    now: Temporal.Instant;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [licence] = await tx
      .select()
      .from(licences)
      .where(and(eq(licences.id, input.licenceId), eq(licences.memberId, input.memberId)))
      .for('update');
    if (!licence) throw licenceErrors.notFound();
    await removeMachine(tx, licence, input);
  });
}

/** The product frees a machine, authenticated by the licence's number and key (a wrong pair is `licence_pair_invalid`). */
export async function freeMachineByKey(
  db: Db,
  input: {
    registrationNumber: string;
    installKey: string;
    machineFingerprint: string;
    actor: Actor;
    now: Temporal.Instant;
  },
): Promise<{ licenceId: string }> {
  return db.transaction(async (tx) => {
    const licence = await findLicenceByPair(tx, input);
    if (!licence) throw licenceErrors.pairInvalid();
    await removeMachine(tx, licence, input);
    return { licenceId: licence.id };
  });
}

/** An operator frees a machine of any licence (a member who lost the machine and asked support), with a reason. */
export async function freeLicenceMachineByOperator(
  db: Db,
  input: {
    licenceId: string;
    machineFingerprint: string;
    reason: string;
    actor: Actor;
    now: Temporal.Instant;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [licence] = await tx.select().from(licences).where(eq(licences.id, input.licenceId)).for('update');
    if (!licence) throw licenceErrors.notFound();
    await removeMachine(tx, licence, input);
  });
}
