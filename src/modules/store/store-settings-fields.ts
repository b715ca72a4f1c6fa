// What an operator may set about the store, validated once here for the CLI, the API and the console.
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { registrationNumberWarningOf } from '../../domain/invoices.js';
import { parseOrderNumberFormat } from '../../domain/orders.js';
import { bilingualIssue } from '../../domain/validation.js';

/** Whether a format passes `parseOrderNumberFormat` (its problem is the zod issue's wording). */
function orderNumberFormatOk(format: string): boolean {
  try {
    parseOrderNumberFormat(format);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** Qualified-invoice registration number: `T` and 13 digits (the corporate number for companies). */
export const registrationNumberPattern = /^T\d{13}$/;

/**
 * Whether the 13 digits pass the corporate-number check digit. Sole proprietors get numbers that are
 * not corporate numbers, so a failure is a warning for the operator, never a rejection.
 */
export function registrationNumberCheckDigitOk(registrationNumber: string): boolean {
  return registrationNumberWarningOf(registrationNumber) === null;
}

export const storeSettingsPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    issuerName: z.string().trim().min(1).max(100),
    registrationNumber: z
      .string()
      .trim()
      .regex(registrationNumberPattern, 'must be T followed by 13 digits')
      .nullable(),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3}-?\d{4}$/, 'must be a postal code such as 100-0005'),
    address: z.string().trim().min(1).max(200),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+][0-9-]{8,14}$/, 'must be a phone number such as 03-1234-5678'),
    email: z.email(),
    businessHours: z.string().trim().min(1).max(100),
    taxRounding: z.enum(['floor', 'round', 'ceil']),
    // Coerced because the CLI passes every value as text.
    lockoutThreshold: z.coerce.number().int().min(1).max(100),
    lockoutMode: z.enum(['auto', 'operator']),
    lockoutMinutes: z.coerce.number().int().min(1).max(1440),
    passwordPolicy: z.enum(['seed', 'modern']),
    // A member session ends after this many minutes without a request (5 min – 1 day; default 30, as
    // Japanese banks and shops commonly do) …
    sessionIdleMinutes: z.coerce.number().int().min(5).max(1440),
    // … and this many hours after sign-in however busy it is (1 h – 7 days, better-auth's own
    // session lifetime, which is the hard ceiling; default 24).
    sessionAbsoluteHours: z.coerce.number().int().min(1).max(168),
    registrationReview: z.enum(['auto', 'manual']),
    withdrawal: z.enum(['self-service', 'by-request']),
    // At least a day, so a withdrawal can still be looked into; at most ten years.
    personalDataRetentionDays: z.coerce.number().int().min(1).max(3650),
    // Numbers already given keep their text: a new format applies to the orders placed after it.
    orderNumberFormat: z
      .string()
      .trim()
      .refine(
        orderNumberFormatOk,
        bilingualIssue('order_number_format_invalid', {
          ja: '注文番号の書式には {YYYY} か {YY} を 1 つと {SEQ:桁数} を 1 つ入れ、ほかは英数字と - _ / . # だけにしてください（例: K{YYYY}-{SEQ:6}）。',
          en: 'An order number format needs exactly one {YYYY} or {YY} and one {SEQ:digits}, and otherwise only letters, digits and - _ / . # (e.g. K{YYYY}-{SEQ:6}).',
        }),
      ),
    // Same tokens and rules as the order number; numbers already given keep their text.
    contractNumberFormat: z
      .string()
      .trim()
      .refine(
        orderNumberFormatOk,
        bilingualIssue('contract_number_format_invalid', {
          ja: '契約番号の書式には {YYYY} か {YY} を 1 つと {SEQ:桁数} を 1 つ入れ、ほかは英数字と - _ / . # だけにしてください（例: C{YYYY}-{SEQ:6}）。',
          en: 'A contract number format needs exactly one {YYYY} or {YY} and one {SEQ:digits}, and otherwise only letters, digits and - _ / . # (e.g. C{YYYY}-{SEQ:6}).',
        }),
      ),
    // How members change a contract's payment method: on the contract (seed 002) or only by cancelling
    // and ordering again (seed 003). Contracts already renewed keep their terms either way.
    paymentMethodChange: z.enum(['on_contract', 'recontract']),
  })
  .partial()
  .strict();

export type StoreSettingsPatch = z.infer<typeof storeSettingsPatchSchema>;
export type StoreSettingsKey = keyof StoreSettingsPatch;
export const storeSettingsKeys = Object.keys(storeSettingsPatchSchema.shape) as StoreSettingsKey[];
