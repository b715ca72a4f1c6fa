// The inquiry form's fields: the rules the API applies and the web app's form checks before sending, in the same words.
import { z } from 'zod';
import { inquiryCategories } from '../inquiries.js';
import { bilingualIssue } from '../validation.js';
import { emailSchema, requiredText } from './member-fields.js';

/** The longest text each inquiry field takes, in characters after trimming. */
export const inquiryTextLimits = {
  subject: 200,
  message: 5000,
  contactName: 100,
  contactPhoneMax: 25,
} as const;

/** Digits, spaces, `(`, `)`, `-` and a leading `+`: a number to call back, not validated further. */
export const contactPhoneSchema = z
  .string()
  .trim()
  .refine((value) => /^\+?[0-9][0-9 ()-]{5,24}$/.test(value), {
    error: 'digits, spaces, "(", ")", "-" and a leading "+" only',
    params: { code: 'phone_number', ja: '電話番号は数字と「-」「(」「)」で入力してください。' },
  });

/** One of the inquiry categories; an empty choice is asked for by name, not answered with the list of codes. */
export const inquiryCategoryChoiceSchema = z.string().superRefine((value, ctx) => {
  if (!(inquiryCategories as readonly string[]).includes(value))
    ctx.addIssue(bilingualIssue('required', { ja: '選んでください。', en: 'Choose one.' }));
});

export const inquirySubjectSchema = requiredText(inquiryTextLimits.subject);
export const inquiryMessageSchema = requiredText(inquiryTextLimits.message);
export const inquiryContactNameSchema = requiredText(inquiryTextLimits.contactName);
export const inquiryContactEmailSchema = emailSchema;

/**
 * The form as a visitor fills it in: everything but the phone is required (a member's name and email are
 * filled in from the profile; the API takes them from it when a member leaves them out).
 */
export const inquiryFormFieldsSchema = z.object({
  category: inquiryCategoryChoiceSchema,
  subject: inquirySubjectSchema,
  message: inquiryMessageSchema,
  contactName: inquiryContactNameSchema,
  contactEmail: inquiryContactEmailSchema,
  contactPhone: contactPhoneSchema.optional(),
});
