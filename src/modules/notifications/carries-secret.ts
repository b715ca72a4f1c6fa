// Whether an outbox message carries a credential, so the dev mailbox and SMS outbox can hide its text.
import type { OutboxChannel } from '../../db/schema/notifications.js';
import { findSmsTemplate } from './sms-templates/registry.js';
import { findMailTemplate } from './templates/registry.js';

/** True for codes, temporary passwords and single-use links — and for a template no longer known, to be safe. */
export function carriesSecret(channel: OutboxChannel, template: string): boolean {
  const found = channel === 'sms' ? findSmsTemplate(template) : findMailTemplate(template);
  return found ? found.carriesSecret === true : true;
}
