// Renders a stored outbox SMS with the store's name; one text, no signature (SMS is short and paid per segment).
import { findSmsTemplate } from './sms-templates/registry.js';
import type { SmsStore } from './sms-templates/types.js';
import type { Locale } from './templates/types.js';

/** The text of an outbox SMS; throws if the template is unknown or the payload no longer fits it. */
export function renderSms(template: string, locale: Locale, payload: unknown, store: SmsStore): string {
  const found = findSmsTemplate(template);
  if (!found) throw new Error(`unknown SMS template: ${template}`);
  return found.render(locale, found.payload.parse(payload), store);
}
