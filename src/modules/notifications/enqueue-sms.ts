// Puts an SMS in the outbox inside the caller's transaction: it is sent only if the change commits.
import type { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { outbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { messageIdFor } from './enqueue-mail.js';
import { type SmsTemplateName, smsTemplates } from './sms-templates/registry.js';
import type { Locale } from './templates/types.js';

export interface EnqueueSmsInput<Name extends SmsTemplateName> {
  template: Name;
  locale: Locale;
  /** The mobile number in E.164 (`+819012345678`). */
  to: string;
  payload: z.input<(typeof smsTemplates)[Name]['payload']>;
  now: Temporal.Instant;
}

const e164 = /^\+[1-9][0-9]{6,14}$/;

/** Queues an SMS and returns its outbox id. */
export async function enqueueSms<Name extends SmsTemplateName>(
  tx: DbOrTx,
  input: EnqueueSmsInput<Name>,
): Promise<string> {
  // Validate now, while the caller can still roll back, rather than fail later in the worker.
  if (!e164.test(input.to)) throw new Error('an SMS recipient must be an E.164 number');
  const payload = smsTemplates[input.template].payload.parse(input.payload) as Record<string, unknown>;
  const id = newId('outbox');
  await tx.insert(outbox).values({
    id,
    channel: 'sms',
    template: input.template,
    locale: input.locale,
    recipient: input.to,
    payload,
    // Not a mail header for SMS, but the same stable key identifies the row in logs and the dev outbox.
    messageId: messageIdFor(id),
    createdAt: toDate(input.now),
  });
  return id;
}
