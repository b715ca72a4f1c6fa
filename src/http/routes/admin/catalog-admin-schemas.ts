// OpenAPI schemas of the admin catalog routes and the functions shaping providers and products into them.
import { z } from '@hono/zod-openapi';
import { productStatuses } from '../../../domain/catalog.js';
import type {
  CatalogProduct,
  CatalogTermsDocument,
  ProviderWithWebhook,
} from '../../../modules/catalog/index.js';

export const adminProviderSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    isStore: z.boolean(),
    contactEmails: z.array(z.string()),
    webhookEndpointId: z.string().nullable(),
    webhookUrl: z
      .string()
      .nullable()
      .openapi({ description: 'where signed provisioning webhooks go; null for mail only' }),
    webhookDisabledAt: z
      .string()
      .nullable()
      .openapi({ description: 'set when the receiver answered 410 Gone; setting the URL again enables it' }),
    webhookAllowedNetworks: z.array(z.string()).openapi({
      description:
        'internal ranges (CIDRs) the webhook may reach although they are loopback, private or link-local; empty: public addresses only',
    }),
    sharedContactFields: z.array(z.string()).openapi({
      description: "the member's contact fields this provider receives, consented to at checkout",
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AdminProvider');

export const adminProductSchema = z
  .object({
    id: z.string(),
    status: z.enum(productStatuses),
    provider: z.object({ id: z.string(), slug: z.string(), nameJa: z.string(), nameEn: z.string() }),
    definition: z.record(z.string(), z.unknown()).openapi({
      description:
        'the whole definition, in the shape PUT takes back: plans, terms, options and offers, usage, trial, order fields',
    }),
    planIds: z.record(z.string(), z.string()),
    optionIds: z.record(z.string(), z.string()),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AdminProduct');

/** A definition body: validated once, by the catalog module, so one 422 lists every failing field. */
export const adminProductDefinitionBody = z
  .record(z.string(), z.unknown())
  .openapi('AdminProductDefinition', {
    description:
      'slug, provider (slug or id), kind, name {ja,en}, summary, description (Markdown), images, category, tags, termsDocuments, paymentMethods, leadTimeDays, leadTimeNote, checkoutNote, sortOrder, plans[], options[], trial, orderFields[]',
  });

export const adminTermsDocumentSchema = z
  .object({
    key: z.string(),
    version: z.string(),
    titleJa: z.string(),
    titleEn: z.string(),
    bodyJa: z.string(),
    bodyEn: z.string(),
    publishedAt: z.string(),
  })
  .openapi('AdminCatalogTermsDocument');

export function adminProviderJson(p: ProviderWithWebhook): z.infer<typeof adminProviderSchema> {
  const { webhook, ...rest } = p;
  return {
    ...rest,
    webhookUrl: webhook?.url ?? null,
    webhookDisabledAt: webhook?.disabledAt?.toISOString() ?? null,
    webhookAllowedNetworks: webhook?.allowedPrivateNetworks ?? [],
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A provider as just created or changed: with its new webhook secret when this change created the endpoint. */
export const adminProviderChangeSchema = adminProviderSchema
  .extend({
    webhookSecret: z.string().nullable().openapi({
      description:
        'the `whsec_…` signing secret, only in the answer that created the webhook endpoint; give it to the provider now, it is never shown again',
    }),
  })
  .openapi('AdminProviderChange');

export function adminProductJson(p: CatalogProduct): z.infer<typeof adminProductSchema> {
  return {
    id: p.id,
    status: p.status,
    provider: {
      id: p.provider.id,
      slug: p.provider.slug,
      nameJa: p.provider.nameJa,
      nameEn: p.provider.nameEn,
    },
    definition: p.definition as unknown as Record<string, unknown>,
    planIds: p.planIds,
    optionIds: p.optionIds,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function adminTermsDocumentJson(d: CatalogTermsDocument): z.infer<typeof adminTermsDocumentSchema> {
  return { ...d, publishedAt: d.publishedAt.toISOString() };
}
