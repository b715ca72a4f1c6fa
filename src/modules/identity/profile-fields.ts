// What a member may change on My Page: the zod schema of a profile patch, sharing each field's rules with registration.
import { z } from 'zod';
import {
  memberKinds,
  memberTextLimits,
  nameKanaSchema,
  optionalMobilePhoneNumberSchema,
  optionalText,
  phoneNumberSchema,
  postalCodeSchema,
  prefectureSchema,
  requiredText,
  secondFactorChannels,
} from './registration-fields.js';

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
