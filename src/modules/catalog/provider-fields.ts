// What an operator may set about a provider, validated once here for the API, the seed and the console.
import { z } from 'zod';
import { slugPattern } from '../../domain/catalog.js';
import { parseCidr } from '../../domain/network-address.js';

/** Contact fields a provider may receive; the member consents to the provider's list at checkout. */
export const sharedContactFieldKeys = ['company', 'department', 'name', 'email', 'phone', 'address'] as const;
export type SharedContactField = (typeof sharedContactFieldKeys)[number];
export const DEFAULT_SHARED_CONTACT_FIELDS: SharedContactField[] = ['company', 'name', 'email', 'phone'];

/** Internal ranges a provider's webhook may reach (a provider on the store's own network), as CIDRs. */
const allowedNetworks = z
  .array(
    z
      .string()
      .trim()
      .max(50)
      .refine((value) => parseCidr(value) !== null, {
        message: 'Give a range as CIDR, such as 10.20.0.0/16 or fd00:1::/64.',
        params: {
          code: 'cidr_invalid',
          ja: '10.20.0.0/16 や fd00:1::/64 のような CIDR 形式で指定してください。',
        },
      }),
  )
  .max(20);

const providerFields = {
  slug: z.string().min(2).max(80).regex(slugPattern),
  nameJa: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  isStore: z.boolean().default(false),
  contactEmails: z.array(z.email().max(254)).min(1).max(10),
  /**
   * Where signed provisioning webhooks go (https, or http to localhost only); null for mail only. The
   * endpoint and its `whsec_` secret live in `webhook_endpoints`; the secret is shown once.
   */
  webhookUrl: z.string().max(500).nullable().default(null),
  /**
   * Internal ranges the webhook may reach although they are loopback, private or link-local (CIDRs such
   * as `10.20.0.0/16`); every other internal address is refused at save and at every delivery.
   */
  webhookAllowedNetworks: allowedNetworks.default([]),
  sharedContactFields: z
    .array(z.enum(sharedContactFieldKeys))
    .max(sharedContactFieldKeys.length)
    .refine((fields) => new Set(fields).size === fields.length)
    .default(DEFAULT_SHARED_CONTACT_FIELDS),
};

export const providerSchema = z.object(providerFields);
export type ProviderInput = z.input<typeof providerSchema>;

/** A partial change: only the keys present are changed. */
export const providerPatchSchema = z
  .object({
    slug: providerFields.slug,
    nameJa: providerFields.nameJa,
    nameEn: providerFields.nameEn,
    isStore: z.boolean(),
    contactEmails: providerFields.contactEmails,
    webhookUrl: z.string().max(500).nullable(),
    webhookAllowedNetworks: allowedNetworks,
    sharedContactFields: providerFields.sharedContactFields.unwrap(),
  })
  .partial()
  .strict();
