// What an SMS template is: a payload schema and one short text per language.
import type { z } from 'zod';
import type { Locale } from '../templates/types.js';

/** The store's identity as an SMS prints it: only the name, at the start of the text. */
export interface SmsStore {
  name: string;
}

export interface SmsTemplate<Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  /** Carries a credential (a sign-in code): only the owner may read it in the dev SMS outbox. */
  carriesSecret: boolean;
  /** One text; keep it within one segment (70 characters in Japanese) so it arrives as one message. */
  render(locale: Locale, payload: z.infer<Schema>, store: SmsStore): string;
}

/** Declares an SMS template with its payload type checked against its schema. */
export function defineSmsTemplate<Schema extends z.ZodType>(
  template: SmsTemplate<Schema>,
): SmsTemplate<Schema> {
  return template;
}
