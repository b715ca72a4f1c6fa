// What a mail template is: a payload schema and a renderer per language.
import type { z } from 'zod';
import type { SafeHtml } from './html.js';

export type Locale = 'ja' | 'en';

/** The store's identity, printed in every mail's signature. */
export interface MailStore {
  name: string;
  email: string;
  phone: string;
  businessHours: string;
  publicUrl: string;
}

/** The body of one mail before the store's layout wraps it. */
export interface MailContent {
  subject: string;
  text: string;
  html: SafeHtml;
}

export interface MailTemplate<Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  /**
   * Carries a credential — a sign-in code, a temporary password, a single-use link — so the dev mailbox
   * shows its text to the owner only: whoever reads it could sign in or take over the account.
   */
  carriesSecret?: boolean;
  render(locale: Locale, payload: z.infer<Schema>, store: MailStore): MailContent;
}

/** Declares a template with its payload type checked against its schema. */
export function defineMailTemplate<Schema extends z.ZodType>(
  template: MailTemplate<Schema>,
): MailTemplate<Schema> {
  return template;
}
