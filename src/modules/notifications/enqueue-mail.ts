// Puts a mail in the outbox inside the caller's transaction: it is sent only if the change commits.
import type { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { outbox } from '../../db/schema/notifications.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type MailTemplateName, mailTemplates } from './templates/registry.js';
import type { Locale } from './templates/types.js';

export interface EnqueueMailInput<Name extends MailTemplateName> {
  template: Name;
  locale: Locale;
  to: string;
  payload: z.input<(typeof mailTemplates)[Name]['payload']>;
  now: Temporal.Instant;
}

/** The Message-ID of an outbox mail: fixed when queued, so every retry carries the same one. */
export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@keiyaku.outbox>`;
}

/** Queues a mail and returns its outbox id. */
export async function enqueueMail<Name extends MailTemplateName>(
  tx: DbOrTx,
  input: EnqueueMailInput<Name>,
): Promise<string> {
  // Validate now, while the caller can still roll back, rather than fail later in the worker.
  const payload = mailTemplates[input.template].payload.parse(input.payload) as Record<string, unknown>;
  const id = newId('outbox');
  await tx.insert(outbox).values({
    id,
    channel: 'mail',
    template: input.template,
    locale: input.locale,
    recipient: input.to,
    payload,
    messageId: messageIdFor(id),
    createdAt: toDate(input.now),
  });
  return id;
}
