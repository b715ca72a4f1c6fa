// The fields a member gives (registration, profile): zod schemas that the API and the web app's forms both run, so
// a form names every problem at once, with the server's words, before it is sent. Pure: no server code here.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { bilingualIssue } from '../validation.js';
import { katakanaReadingPattern, normalizeKana, normalizeNumberInput } from './japanese-input.js';
import { loginIdSchema } from './login-id.js';
import { prefectures } from './prefectures.js';

/** `123-4567` or `1234567`, once full-width digits and IME dashes are made ASCII. */
const postalCodePattern = /^(\d{3})-?(\d{4})$/;

/** The postal code as `123-4567`, or `null` when it is not seven digits with an optional hyphen. */
export function normalizePostalCode(input: string): string | null {
  const match = postalCodePattern.exec(normalizeNumberInput(input));
  return match ? `${match[1]}-${match[2]}` : null;
}

// The parser would otherwise pick a number out of any text ("携帯 090…"); we accept only a number.
const phoneCharacters = /^\+?[0-9()\- ]+$/;

function parsePhone(input: string) {
  const text = normalizeNumberInput(input);
  if (!phoneCharacters.test(text)) return undefined;
  const parsed = parsePhoneNumberFromString(text, 'JP');
  return parsed?.isValid() ? parsed : undefined;
}

/** A contact phone number in E.164 (`03-1234-5678` → `+81312345678`); national numbers are read as Japanese. */
export function normalizePhoneNumber(input: string): string | null {
  return parsePhone(input)?.number ?? null;
}

/**
 * A Japanese mobile number in E.164 (`090-1234-5678` → `+819012345678`), or `null`: SMS codes go only to
 * numbers libphonenumber-js types as mobile in Japan (070/080/090, and 060 as it opens), not to fixed
 * lines, IP phones (050) or M2M numbers (020).
 */
export function normalizeJapaneseMobileNumber(input: string): string | null {
  const parsed = parsePhone(input);
  return parsed && parsed.country === 'JP' && parsed.getType() === 'MOBILE' ? parsed.number : null;
}

/**
 * The longest text each member field takes, in characters after trimming. The HTTP schemas of registration and
 * the profile take their limits from here, so the OpenAPI document states the numbers this module enforces.
 */
export const memberTextLimits = {
  name: 100,
  nameKana: 100,
  email: 254,
  companyName: 200,
  department: 100,
  city: 100,
  street: 200,
  building: 200,
  documentVersion: 50,
} as const;

const requiredIssue = () => bilingualIssue('required', { ja: '入力してください。', en: 'Required.' });

/** Text that must be given: trimmed, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue(requiredIssue());
    });
}

/** Absent, `null` and blank all mean "not given", stored as `null`. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** A kana reading → full-width katakana; hiragana and half-width kana are converted, not refused. */
export const nameKanaSchema = z
  .string()
  .transform(normalizeKana)
  .pipe(z.string().max(memberTextLimits.nameKana))
  .superRefine((value, ctx) => {
    if (value === '') {
      ctx.addIssue(requiredIssue());
    } else if (!katakanaReadingPattern.test(value)) {
      ctx.addIssue(
        bilingualIssue('kana_only', {
          ja: 'カタカナ（またはひらがな）で入力してください。',
          en: 'Use katakana (or hiragana) only.',
        }),
      );
    }
  });

/** A contact email, NFKC and trimmed; an empty one is asked for rather than called malformed. */
export const emailSchema = z
  .string()
  .transform((value) => value.normalize('NFKC').trim())
  .superRefine((value, ctx) => {
    if (value === '') ctx.addIssue(requiredIssue());
  })
  .pipe(z.email().max(memberTextLimits.email));

/** `123-4567` or `1234567` (full-width too) → `123-4567`. */
export const postalCodeSchema = z.string().transform((value, ctx) => {
  if (value.trim() === '') {
    ctx.addIssue(requiredIssue());
    return z.NEVER;
  }
  const normalized = normalizePostalCode(value);
  if (normalized !== null) return normalized;
  ctx.addIssue(
    bilingualIssue('postal_code_format', {
      ja: '郵便番号は「123-4567」の形式で入力してください。',
      en: 'Enter the postal code as 123-4567.',
    }),
  );
  return z.NEVER;
});

/** Any valid phone number → E.164. */
export const phoneNumberSchema = z.string().transform((value, ctx) => {
  if (value.trim() === '') {
    ctx.addIssue(requiredIssue());
    return z.NEVER;
  }
  const normalized = normalizePhoneNumber(value);
  if (normalized !== null) return normalized;
  ctx.addIssue(
    bilingualIssue('phone_number', {
      ja: '電話番号を正しく入力してください。',
      en: 'Enter a valid phone number.',
    }),
  );
  return z.NEVER;
});

/** A Japanese mobile number → E.164. */
export const mobilePhoneNumberSchema = z.string().transform((value, ctx) => {
  if (value.trim() === '') {
    ctx.addIssue(requiredIssue());
    return z.NEVER;
  }
  const normalized = normalizeJapaneseMobileNumber(value);
  if (normalized !== null) return normalized;
  ctx.addIssue(
    bilingualIssue('mobile_phone_number', {
      ja: 'SMSを受け取れる携帯電話番号（070・080・090など）を入力してください。',
      en: 'Enter a Japanese mobile number that can receive SMS (070, 080, 090 …).',
    }),
  );
  return z.NEVER;
});

/** The mobile number when optional: absent, `null` and blank (an empty form field) are `null`. */
export const optionalMobilePhoneNumberSchema = z
  .string()
  .nullish()
  .transform((value) => (value?.trim() ? value : null))
  .pipe(mobilePhoneNumberSchema.nullable());

/** One of the 47 prefectures, spelled as Japan Post does (`東京都`). */
export const prefectureSchema = z
  .string()
  .refine((value) => (prefectures as readonly string[]).includes(value), {
    error: 'Choose one of the 47 prefectures.',
    params: { code: 'prefecture', ja: '都道府県を選んでください。' },
  });

// Cross-field rules run even when another field failed, so that one answer lists every problem; only a
// body that is not an object at all gives them nothing to look at.
const isObjectPayload = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null;

export const memberKinds = ['corporate', 'individual'] as const;
export type MemberKind = (typeof memberKinds)[number];
export const secondFactorChannels = ['email', 'sms'] as const;
export type SecondFactorChannel = (typeof secondFactorChannels)[number];

/**
 * The registration form. The password is only required here; its policy depends on the store's setting
 * and is applied by `parseRegistration`, which also compares the consented document versions.
 */
export const registrationSchema = z
  .strictObject({
    loginId: loginIdSchema,
    // Never trimmed or normalised: the member must be able to type the same bytes at sign-in.
    password: z.string().superRefine((value, ctx) => {
      if (value === '') ctx.addIssue(requiredIssue());
    }),
    memberKind: z.enum(memberKinds),
    // Not NFKC: it would replace CJK compatibility ideographs that people use in their own names.
    name: requiredText(memberTextLimits.name),
    nameKana: nameKanaSchema,
    email: emailSchema,
    companyName: optionalText(memberTextLimits.companyName),
    department: optionalText(memberTextLimits.department),
    postalCode: postalCodeSchema,
    prefecture: prefectureSchema,
    city: requiredText(memberTextLimits.city),
    street: requiredText(memberTextLimits.street),
    building: optionalText(memberTextLimits.building),
    phone: phoneNumberSchema,
    secondFactorChannel: z.enum(secondFactorChannels),
    mobilePhone: optionalMobilePhoneNumberSchema,
    marketingOptIn: z.boolean(),
    termsVersion: requiredText(memberTextLimits.documentVersion),
    privacyPolicyVersion: requiredText(memberTextLimits.documentVersion),
  })
  .refine((value) => value.memberKind !== 'corporate' || Boolean(value.companyName), {
    path: ['companyName'],
    when: isObjectPayload,
    error: 'Enter the company name.',
    params: { code: 'required', ja: '法人の方は会社名を入力してください。' },
  })
  .refine((value) => value.secondFactorChannel !== 'sms' || value.mobilePhone != null, {
    path: ['mobilePhone'],
    when: isObjectPayload,
    error: 'Enter a mobile number to receive codes by SMS.',
    params: { code: 'required', ja: 'SMSで認証する場合は携帯電話番号を入力してください。' },
  });

export type RegistrationInput = z.input<typeof registrationSchema>;

/**
 * A partial profile: each field given is validated as at registration. The login ID and the email are not
 * here: the ID never changes and the email changes only through the confirmed link (`requestEmailChange`).
 * `currentPassword` is needed when the patch changes how sign-in codes reach the member (channel or phones).
 */
export const profilePatchSchema = z.strictObject({
  memberKind: z.enum(memberKinds).optional(),
  name: requiredText(memberTextLimits.name).optional(),
  nameKana: nameKanaSchema.optional(),
  companyName: optionalText(memberTextLimits.companyName),
  department: optionalText(memberTextLimits.department),
  postalCode: postalCodeSchema.optional(),
  prefecture: prefectureSchema.optional(),
  city: requiredText(memberTextLimits.city).optional(),
  street: requiredText(memberTextLimits.street).optional(),
  building: optionalText(memberTextLimits.building),
  phone: phoneNumberSchema.optional(),
  secondFactorChannel: z.enum(secondFactorChannels).optional(),
  mobilePhone: optionalMobilePhoneNumberSchema,
  marketingOptIn: z.boolean().optional(),
  currentPassword: z.string().optional(),
});

export type ProfilePatchInput = z.input<typeof profilePatchSchema>;
