// Takes an inquiry from a guest or a member: spent form token, number, receipt mail, rate slot and audit entry in one transaction.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { inquiries } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import type { InquiryCategory, InquiryStatus } from '../../domain/inquiries.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { findMemberContacts } from '../identity/index.js';
import { enqueueMail, type Locale } from '../notifications/index.js';
import { allocateInquiryNumber } from './allocate-inquiry-number.js';
import { consumeFormToken } from './consume-form-token.js';
import { screenSubmission } from './screen-submission.js';
import { supportErrors } from './support-errors.js';
import { takeGuestSubmissionSlot } from './take-guest-submission-slot.js';

export interface SubmitInquiryInput {
  category: InquiryCategory;
  subject: string;
  message: string;
  /** Omitted contact fields of a member are taken from the member's profile. */
  contactName?: string | undefined;
  contactEmail?: string | undefined;
  contactPhone?: string | undefined;
  /** The signed-in member, or null for a guest. */
  memberId: string | null;
  /** The guest's language; a member's receipt follows the member's own setting. */
  locale: Locale;
  /** What the form sent for spam screening. */
  formToken: string;
  honeypot: string;
  secret: string;
  /** Where a guest's request came from, for the hourly limit; null when the server cannot tell. */
  clientAddress: string | null;
  requestId?: string;
  now: Temporal.Instant;
}

export interface SubmittedInquiry {
  id: string;
  number: string;
  status: InquiryStatus;
  createdAt: Date;
}

/** Accepts an inquiry and queues its receipt; throws the spam, rate-limit or validation problem otherwise. */
export async function submitInquiry(db: Db, input: SubmitInquiryInput): Promise<SubmittedInquiry> {
  const token = screenSubmission({
    honeypot: input.honeypot,
    formToken: input.formToken,
    subject: input.subject,
    message: input.message,
    secret: input.secret,
    now: input.now,
  });

  let contactName = input.contactName?.trim() || null;
  let contactEmail = input.contactEmail?.trim() || null;
  let locale = input.locale;
  if (input.memberId) {
    const member = (await findMemberContacts(db, [input.memberId])).get(input.memberId);
    if (!member) throw new Error(`signed-in member ${input.memberId} has no profile`);
    contactName ??= member.name;
    contactEmail ??= member.email;
    locale = member.locale;
  }
  const missing = [
    ...(contactName ? [] : (['contactName'] as const)),
    ...(contactEmail ? [] : (['contactEmail'] as const)),
  ];
  if (!contactName || !contactEmail) throw supportErrors.contactRequired(missing);

  const id = newId('inquiry');
  const at = toDate(input.now);
  const actor: Actor = {
    kind: 'member',
    id: input.memberId,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  };
  return db.transaction(async (tx) => {
    await consumeFormToken(tx, { token, now: input.now });
    if (!input.memberId)
      await takeGuestSubmissionSlot(tx, { clientAddress: input.clientAddress, now: input.now });
    const number = await allocateInquiryNumber(tx, input.now);
    await tx.insert(inquiries).values({
      id,
      number,
      category: input.category,
      subject: input.subject,
      message: input.message,
      contactName,
      contactEmail,
      contactPhone: input.contactPhone?.trim() || null,
      memberId: input.memberId,
      locale,
      status: 'new',
      createdAt: at,
      updatedAt: at,
    });
    await enqueueMail(tx, {
      template: 'inquiry-received',
      locale,
      to: contactEmail,
      payload: {
        name: contactName,
        number,
        category: input.category,
        subject: input.subject,
        message: input.message,
      },
      now: input.now,
    });
    await recordAudit(tx, {
      actor,
      action: 'inquiry.submitted',
      targetType: 'inquiry',
      targetId: id,
      after: { number, category: input.category, memberId: input.memberId, status: 'new' },
      at: input.now,
    });
    return { id, number, status: 'new' as const, createdAt: at };
  });
}
