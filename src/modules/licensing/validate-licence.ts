// Answers a product's start-up question "may I run?": checks the registration number and install key, counts the machine against the licence's limit, and signs the answer.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { businessDateAt } from '../../domain/clock.js';
import type { BilingualMessage } from '../../domain/errors.js';
import {
  type LicenceAnswerCode,
  type LicenceEdition,
  type LicenceVerdict,
  licenceAnswerMessage,
  licenceVerdict,
  tooManyMachines,
} from '../../domain/licences.js';
import { getRenewalStanding } from '../contracts/index.js';
import { getStoreSettings } from '../store/index.js';
import { activateMachine } from './activate-machine.js';
import { findLicenceByPair } from './find-licence-by-pair.js';
import { recordValidation } from './record-validation.js';
import { type SignedLicenceAnswer, signLicenceAnswer } from './sign-licence-answer.js';
import { currentSigningKey, LICENCE_ANSWER_LIFETIME_DAYS } from './signing-keys.js';

export { LICENCE_ANSWER_LIFETIME_DAYS };

export interface ValidateLicenceInput {
  registrationNumber: string;
  installKey: string;
  machineFingerprint: string;
  productVersion: string;
  now: Temporal.Instant;
  /** The server secret that seals the signing key. */
  secret: string | undefined;
  /** The client address as the audit log keeps it (null in-process), for the validation log. */
  ipAddress: string | null;
}

/** The answer, exactly as signed. */
export interface LicenceAnswer {
  code: LicenceAnswerCode;
  valid: boolean;
  mayStart: boolean;
  mayUpgrade: boolean;
  registrationNumber: string | null;
  machineFingerprint: string;
  edition: LicenceEdition | null;
  validUntil: string | null;
  updatesAllowedUntil: string | null;
  message: BilingualMessage;
  issuedAt: string;
  expiresAt: string;
}

/**
 * Validates one request. A wrong number and a wrong key give the same `not_found`. A machine is activated
 * only when the product may start; the licence row is locked first, so two machines racing for the last
 * slot are counted one after the other and only one gets it. Every answer is appended to the validation
 * log in the same transaction (one insert).
 */
export async function validateLicence(
  db: Db,
  input: ValidateLicenceInput,
): Promise<{ answer: LicenceAnswer; signed: SignedLicenceAnswer }> {
  const key = await currentSigningKey(db, { secret: input.secret, now: input.now });
  const today = businessDateAt(input.now);

  const found = await db.transaction(async (tx) => {
    const licence = await findLicenceByPair(tx, input);
    if (!licence) {
      await recordValidation(tx, { ...input, licenceId: null, code: 'not_found' });
      return null;
    }

    // An imported licence has no contract here, so no renewal can be pending on it.
    const renewal = licence.contractId
      ? await getRenewalStanding(tx, licence.contractId)
      : { pending: null, paidThrough: null };
    // The grace period matters only to an unpaid renewal: read the store's setting only then.
    const graceDays = renewal.pending ? (await getStoreSettings(tx)).renewalGraceDays : 0;
    let verdict: LicenceVerdict = licenceVerdict(licence, today, {
      pendingUntil: renewal.pending?.termEnd ?? null,
      paidThrough: renewal.paidThrough,
      graceDays,
    });
    if (verdict.mayStart) {
      const activation = await activateMachine(tx, {
        licence,
        machineFingerprint: input.machineFingerprint,
        productVersion: input.productVersion,
        actor: { kind: 'system', id: null },
        now: input.now,
      });
      if (activation === 'limit_reached') verdict = tooManyMachines(verdict);
    }
    await recordValidation(tx, { ...input, licenceId: licence.id, code: verdict.code });
    return { licence, verdict };
  });

  const issuedAt = input.now.round({ smallestUnit: 'second', roundingMode: 'floor' });
  const times = {
    issuedAt: issuedAt.toString(),
    expiresAt: issuedAt.add({ hours: 24 * LICENCE_ANSWER_LIFETIME_DAYS }).toString(),
  };
  const answer: LicenceAnswer = found
    ? {
        code: found.verdict.code,
        valid: found.verdict.valid,
        mayStart: found.verdict.mayStart,
        mayUpgrade: found.verdict.mayUpgrade,
        registrationNumber: found.licence.registrationNumber,
        machineFingerprint: input.machineFingerprint,
        edition: found.licence.edition,
        validUntil: found.verdict.validUntil,
        updatesAllowedUntil: found.verdict.updatesAllowedUntil,
        message: licenceAnswerMessage(found.verdict.code, found.verdict.validUntil, found.verdict.afterGrace),
        ...times,
      }
    : {
        code: 'not_found',
        valid: false,
        mayStart: false,
        mayUpgrade: false,
        registrationNumber: null,
        machineFingerprint: input.machineFingerprint,
        edition: null,
        validUntil: null,
        updatesAllowedUntil: null,
        message: licenceAnswerMessage('not_found', null),
        ...times,
      };
  return { answer, signed: signLicenceAnswer(key, answer) };
}
