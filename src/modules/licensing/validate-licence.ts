// Answers a product's start-up question "may I run?": checks the registration number and install key, counts the machine against the licence's limit, and signs the answer.
import { timingSafeEqual } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { licenceActivations, licences } from '../../db/schema/licensing.js';
import { businessDateAt, toDate } from '../../domain/clock.js';
import type { BilingualMessage } from '../../domain/errors.js';
import {
  hashInstallKey,
  type LicenceAnswerCode,
  type LicenceEdition,
  type LicenceVerdict,
  licenceAnswerMessage,
  licenceVerdict,
  normaliseRegistrationNumber,
  tooManyMachines,
} from '../../domain/licences.js';
import { recordAudit } from '../audit/index.js';
import { getRenewalStanding } from '../contracts/index.js';
import { getStoreSettings } from '../store/index.js';
import { type SignedLicenceAnswer, signLicenceAnswer } from './sign-licence-answer.js';
import { currentSigningKey } from './signing-keys.js';

/** How long a signed answer lets a product start offline. */
export const LICENCE_ANSWER_LIFETIME_DAYS = 14;

export interface ValidateLicenceInput {
  registrationNumber: string;
  installKey: string;
  machineFingerprint: string;
  productVersion: string;
  now: Temporal.Instant;
  /** The server secret that seals the signing key. */
  secret: string | undefined;
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

// Compared against when the number is unknown, so a wrong number costs what a wrong key costs.
const NO_HASH = Buffer.alloc(32);

/**
 * Validates one request. A wrong number and a wrong key give the same `not_found`. A machine is activated
 * only when the product may start; the licence row is locked first, so two machines racing for the last
 * slot are counted one after the other and only one gets it.
 */
export async function validateLicence(
  db: Db,
  input: ValidateLicenceInput,
): Promise<{ answer: LicenceAnswer; signed: SignedLicenceAnswer }> {
  const key = await currentSigningKey(db, { secret: input.secret, now: input.now });
  const today = businessDateAt(input.now);
  const number = normaliseRegistrationNumber(input.registrationNumber);
  const presented = Buffer.from(hashInstallKey(input.installKey), 'hex');

  const found = await db.transaction(async (tx) => {
    const [licence] = number
      ? await tx.select().from(licences).where(eq(licences.registrationNumber, number)).for('update')
      : [];
    const stored = licence ? Buffer.from(licence.installKeyHash, 'hex') : NO_HASH;
    const matches = timingSafeEqual(stored, presented) && licence !== undefined;
    if (!licence || !matches) return null;

    const renewal = await getRenewalStanding(tx, licence.contractId);
    // The grace period matters only to an unpaid renewal: read the store's setting only then.
    const graceDays = renewal.pending ? (await getStoreSettings(tx)).renewalGraceDays : 0;
    let verdict: LicenceVerdict = licenceVerdict(licence, today, {
      pendingUntil: renewal.pending?.termEnd ?? null,
      paidThrough: renewal.paidThrough,
      graceDays,
    });
    if (verdict.mayStart) {
      const machine = and(
        eq(licenceActivations.licenceId, licence.id),
        eq(licenceActivations.machineFingerprint, input.machineFingerprint),
      );
      const seen = await tx
        .update(licenceActivations)
        .set({ lastSeenAt: toDate(input.now), lastProductVersion: input.productVersion })
        .where(machine)
        .returning({ licenceId: licenceActivations.licenceId });
      if (seen.length === 0) {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: count() })
          .from(licenceActivations)
          .where(eq(licenceActivations.licenceId, licence.id));
        if (n >= licence.machineLimit) verdict = tooManyMachines(verdict);
        else {
          await tx.insert(licenceActivations).values({
            licenceId: licence.id,
            machineFingerprint: input.machineFingerprint,
            activatedAt: toDate(input.now),
            lastSeenAt: toDate(input.now),
            lastProductVersion: input.productVersion,
          });
          await recordAudit(tx, {
            actor: { kind: 'system', id: null },
            action: 'licence.machine_activated',
            targetType: 'licence',
            targetId: licence.id,
            after: { machineFingerprint: input.machineFingerprint, productVersion: input.productVersion },
            at: input.now,
          });
        }
      }
    }
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
