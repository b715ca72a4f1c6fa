// Signed, single-use tokens handed to the inquiry form, so a submission proves when the form was shown.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { supportErrors } from './support-errors.js';

/** Humans need a few seconds to fill in the form; scripts posting at once do not wait. */
export const FORM_MINIMUM_SECONDS = 3;
/** A token older than this is refused, so a harvested token cannot be replayed for long. */
export const FORM_MAXIMUM_HOURS = 2;

export interface FormToken {
  token: string;
  /** The first instant a submission with this token is accepted. */
  notBefore: Temporal.Instant;
  expiresAt: Temporal.Instant;
}

/** What a valid token proves: its random id (spent once by `consumeFormToken`) and when it expires. */
export interface VerifiedFormToken {
  tokenId: string;
  expiresAt: Temporal.Instant;
}

function signature(secret: string, issuedAtMs: number, tokenId: string): string {
  return createHmac('sha256', secret).update(`inquiry-form:${issuedAtMs}:${tokenId}`).digest('base64url');
}

/**
 * A token saying "the form was shown at `now`", signed with the store's secret. The random id makes each
 * token its own, so two forms shown in the same millisecond are still spent separately.
 */
export function issueFormToken(secret: string, now: Temporal.Instant): FormToken {
  const issuedAtMs = now.epochMilliseconds;
  const tokenId = randomBytes(16).toString('base64url');
  return {
    token: `${issuedAtMs}.${tokenId}.${signature(secret, issuedAtMs, tokenId)}`,
    notBefore: now.add({ seconds: FORM_MINIMUM_SECONDS }),
    expiresAt: now.add({ hours: FORM_MAXIMUM_HOURS }),
  };
}

/**
 * Throws unless the token is ours and between its minimum and maximum age at `now`; whether it was spent
 * already is for `consumeFormToken` to say, in the submission's transaction.
 */
export function verifyFormToken(secret: string, token: string, now: Temporal.Instant): VerifiedFormToken {
  const match = /^([0-9]{1,16})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw supportErrors.formTokenInvalid();
  const issuedAtMs = Number(match[1]);
  const tokenId = match[2]!;
  const expected = Buffer.from(signature(secret, issuedAtMs, tokenId));
  const given = Buffer.from(match[3] ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw supportErrors.formTokenInvalid();
  }
  const issuedAt = Temporal.Instant.fromEpochMilliseconds(issuedAtMs);
  const ageMs = now.epochMilliseconds - issuedAt.epochMilliseconds;
  if (ageMs < FORM_MINIMUM_SECONDS * 1000) throw supportErrors.formTooFast(FORM_MINIMUM_SECONDS);
  if (ageMs > FORM_MAXIMUM_HOURS * 3600 * 1000) throw supportErrors.formExpired(FORM_MAXIMUM_HOURS);
  return { tokenId, expiresAt: issuedAt.add({ hours: FORM_MAXIMUM_HOURS }) };
}
