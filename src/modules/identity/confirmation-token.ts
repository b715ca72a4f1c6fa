// Issues single-use email confirmation tokens: the mail carries the token, the table only its hash.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { memberEmailConfirmations } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import type { Locale } from '../notifications/index.js';
import { enqueueMail } from '../notifications/index.js';

/** How long a confirmation link works. */
export const CONFIRMATION_VALID_HOURS = 24;

/** The stored form of a token: a leaked table cannot be replayed as links. */
export function hashConfirmationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface SendConfirmationInput {
  memberId: string;
  loginId: string;
  name: string;
  email: string;
  locale: Locale;
  now: Temporal.Instant;
}

/** Makes older unused links of the member unusable, stores a new one and queues its mail, all in `tx`. */
export async function sendConfirmation(tx: DbOrTx, input: SendConfirmationInput): Promise<void> {
  await tx
    .update(memberEmailConfirmations)
    .set({ expiresAt: toDate(input.now) })
    .where(
      and(eq(memberEmailConfirmations.memberId, input.memberId), isNull(memberEmailConfirmations.usedAt)),
    );
  const token = randomBytes(32).toString('base64url');
  await tx.insert(memberEmailConfirmations).values({
    tokenHash: hashConfirmationToken(token),
    memberId: input.memberId,
    expiresAt: toDate(input.now.add({ hours: CONFIRMATION_VALID_HOURS })),
    createdAt: toDate(input.now),
  });
  await enqueueMail(tx, {
    template: 'member-email-confirmation',
    locale: input.locale,
    to: input.email,
    payload: { name: input.name, loginId: input.loginId, token, validHours: CONFIRMATION_VALID_HOURS },
    now: input.now,
  });
}
