// Registration with the two optional licence fields of seed 004 (製品登録番号, インストールキー): the pair is checked first, so a wrong one registers nobody, then the new member holds the licence.
import type { Db } from '../db/client.js';
import { AppError } from '../domain/errors.js';
import {
  type RegisteredMember,
  type RegisterMemberInput,
  registerMember,
} from '../modules/identity/auth-index.js';
import { attachLicence, checkLicencePairFree, licenceErrors } from '../modules/licensing/index.js';

export interface RegisterMemberWithLicenceInput extends RegisterMemberInput {
  /** Both or neither: a package's number and key as typed. */
  licence: { registrationNumber: string; installKey: string } | null;
}

/**
 * Registers the member and attaches the licence. Should another registration take the licence between
 * the check and the attach, the member stays registered without it (the refusal is recorded for
 * operators) and can attach another package on My Page.
 */
export async function registerMemberWithLicence(
  db: Db,
  input: RegisterMemberWithLicenceInput,
): Promise<RegisteredMember & { licenceAttached: boolean }> {
  const { licence, ...registration } = input;
  if (licence) await checkLicencePairFree(db, { ...licence, actor: input.actor, now: input.now });
  const member = await registerMember(db, registration);
  if (!licence) return { ...member, licenceAttached: false };
  try {
    await attachLicence(db, {
      memberId: member.memberId,
      ...licence,
      actor: { ...input.actor, id: member.memberId },
      now: input.now,
    });
    return { ...member, licenceAttached: true };
  } catch (error) {
    if (error instanceof AppError && error.code === licenceErrors.heldByAnotherMember().code) {
      return { ...member, licenceAttached: false };
    }
    throw error;
  }
}
