// A product activates its machine on a licence ahead of use, authenticated by the licence's number and key: a free slot is taken, or the limit refuses it.
import { count, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { licenceActivations } from '../../db/schema/licensing.js';
import { AppError } from '../../domain/errors.js';
import { activateMachine } from './activate-machine.js';
import { findLicenceByPair } from './find-licence-by-pair.js';
import { licenceErrors } from './licence-errors.js';

/** What the product is told after an activation. */
export interface MachineActivationResult {
  registrationNumber: string;
  machineFingerprint: string;
  /** `activated` for a new machine, `seen` for one already activated. */
  activation: 'activated' | 'seen';
  machinesInUse: number;
  machineLimit: number;
}

/**
 * Activates the machine; the licence row is locked, so two machines racing for the last slot get one
 * `activated` and one `too_many_machines` (409).
 */
export async function activateMachineByKey(
  db: Db,
  input: {
    registrationNumber: string;
    installKey: string;
    machineFingerprint: string;
    productVersion: string;
    now: Temporal.Instant;
  },
): Promise<MachineActivationResult> {
  return db.transaction(async (tx) => {
    const licence = await findLicenceByPair(tx, input);
    if (!licence) throw licenceErrors.pairInvalid();
    const activation = await activateMachine(tx, {
      licence,
      machineFingerprint: input.machineFingerprint,
      productVersion: input.productVersion,
      actor: { kind: 'system', id: null },
      now: input.now,
    });
    if (activation === 'limit_reached') {
      throw new AppError({
        code: 'too_many_machines',
        status: 409,
        message: {
          ja: `このライセンスで認証できる端末は${licence.machineLimit}台までです。マイページで使わなくなった端末を解除してください。`,
          en: `This licence can be activated on up to ${licence.machineLimit} machines. Free a machine you no longer use on My Page.`,
        },
      });
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(licenceActivations)
      .where(eq(licenceActivations.licenceId, licence.id));
    return {
      registrationNumber: licence.registrationNumber,
      machineFingerprint: input.machineFingerprint,
      activation,
      machinesInUse: n,
      machineLimit: licence.machineLimit,
    };
  });
}
