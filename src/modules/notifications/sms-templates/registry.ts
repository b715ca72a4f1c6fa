// Every SMS template by name; the outbox stores the name (with channel `sms`), so renaming one is a migration.
import { memberSignInCodeSms } from './member-sign-in-code.js';
import type { SmsTemplate } from './types.js';

export const smsTemplates = {
  'member-sign-in-code': memberSignInCodeSms,
} as const satisfies Record<string, SmsTemplate>;

export type SmsTemplateName = keyof typeof smsTemplates;

/** The template of a name, or undefined for a name no SMS template has. */
export function findSmsTemplate(name: string): SmsTemplate | undefined {
  return (smsTemplates as Record<string, SmsTemplate>)[name];
}
