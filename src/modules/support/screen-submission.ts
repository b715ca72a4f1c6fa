// Spam rules of the inquiry form that need no third party: honeypot, form timing, and links.
import type { Temporal } from 'temporal-polyfill';
import { type VerifiedFormToken, verifyFormToken } from './form-token.js';
import { supportErrors } from './support-errors.js';

/** More links than this in subject and message together is how most form spam looks. */
export const MAXIMUM_LINKS = 2;

// One match per link: a URL is consumed whole, so `https://www.…` counts once.
const linkPattern = /\b(?:https?:\/\/|www\.)\S+/gi;
// Forum and HTML link markup: nobody types it into a plain-text form by hand.
const markupPattern = /\[url[=\]]|\[link[=\]]|<a\s[^>]*href/i;

export interface ScreenSubmissionInput {
  /** A field hidden from people; only form-filling robots write into it. */
  honeypot: string;
  formToken: string;
  subject: string;
  message: string;
  secret: string;
  now: Temporal.Instant;
}

/** Throws a problem for a submission that looks automated or spammy; returns the verified form token otherwise. */
export function screenSubmission(input: ScreenSubmissionInput): VerifiedFormToken {
  if (input.honeypot.trim() !== '') throw supportErrors.spamSuspected();
  const token = verifyFormToken(input.secret, input.formToken, input.now);
  const text = `${input.subject}\n${input.message}`;
  if (markupPattern.test(text)) throw supportErrors.spamSuspected();
  const links = text.match(linkPattern)?.length ?? 0;
  if (links > MAXIMUM_LINKS) throw supportErrors.tooManyLinks(MAXIMUM_LINKS);
  return token;
}
