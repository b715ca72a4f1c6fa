// Attaches a licence to a member who typed its registration number and install key (at registration or on My Page); a licence another member holds is refused and kept for operators.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { licenceAttachConflicts, licences } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { findLicenceByPair } from './find-licence-by-pair.js';
import { licenceErrors } from './licence-errors.js';

export interface AttachLicenceInput {
  memberId: string;
  registrationNumber: string;
  installKey: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * Attaches the licence to the member. A licence already the member's answers as attached (nothing
 * changes); a wrong pair is `licence_pair_invalid` whichever half is wrong; a licence another member holds
 * is `licence_held_by_another_member`, and the attempt is written (audit and an open conflict for the
 * console) in its own transaction, so the refusal does not roll it back.
 */
export async function attachLicence(
  db: Db,
  input: AttachLicenceInput,
): Promise<{ licenceId: string; attached: boolean }> {
  const outcome = await db.transaction(async (tx) => {
    const licence = await findLicenceByPair(tx, input);
    if (!licence) return { kind: 'invalid' as const };
    if (licence.memberId === input.memberId) {
      return { kind: 'done' as const, licenceId: licence.id, attached: false };
    }
    if (licence.memberId !== null) return { kind: 'held' as const, licenceId: licence.id };
    await tx
      .update(licences)
      .set({ memberId: input.memberId, attachedAt: toDate(input.now), updatedAt: toDate(input.now) })
      .where(eq(licences.id, licence.id));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'licence.attached',
      targetType: 'licence',
      targetId: licence.id,
      // The number identifies the licence; the key is never written anywhere.
      after: { memberId: input.memberId, registrationNumber: licence.registrationNumber },
      at: input.now,
    });
    return { kind: 'done' as const, licenceId: licence.id, attached: true };
  });
  if (outcome.kind === 'invalid') throw licenceErrors.pairInvalid();
  if (outcome.kind === 'held') {
    await db.transaction(async (tx) => {
      await tx.insert(licenceAttachConflicts).values({
        id: newId('licenceAttachConflict'),
        licenceId: outcome.licenceId,
        memberId: input.memberId,
        at: toDate(input.now),
      });
      await recordAudit(tx, {
        actor: input.actor,
        action: 'licence.attach_refused',
        targetType: 'licence',
        targetId: outcome.licenceId,
        after: { memberId: input.memberId, reason: 'held_by_another_member' },
        at: input.now,
      });
    });
    throw licenceErrors.heldByAnotherMember();
  }
  return { licenceId: outcome.licenceId, attached: outcome.attached };
}
