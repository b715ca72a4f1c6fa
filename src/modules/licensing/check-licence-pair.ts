// Checks a typed registration number and install key before a registration creates the member, so a wrong pair stops the registration and changes nothing.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { licenceAttachConflicts } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { findLicenceByPair } from './find-licence-by-pair.js';
import { licenceErrors } from './licence-errors.js';

/**
 * Throws `licence_pair_invalid` for a wrong pair and `licence_held_by_another_member` for a licence some
 * member holds (recording the attempt for operators, with no member yet: the registering email is not kept).
 */
export async function checkLicencePairFree(
  db: Db,
  input: { registrationNumber: string; installKey: string; actor: Actor; now: Temporal.Instant },
): Promise<void> {
  const licence = await db.transaction((tx) => findLicenceByPair(tx, input));
  if (!licence) throw licenceErrors.pairInvalid();
  if (licence.memberId === null) return;
  await db.transaction(async (tx) => {
    await tx.insert(licenceAttachConflicts).values({
      id: newId('licenceAttachConflict'),
      licenceId: licence.id,
      memberId: null,
      at: toDate(input.now),
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'licence.attach_refused',
      targetType: 'licence',
      targetId: licence.id,
      after: { memberId: null, reason: 'held_by_another_member', during: 'registration' },
      at: input.now,
    });
  });
  throw licenceErrors.heldByAnotherMember();
}
