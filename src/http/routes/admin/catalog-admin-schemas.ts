// OpenAPI schemas of the admin catalog routes and the functions shaping providers and products into them.
import { z } from '@hono/zod-openapi';
import type {
  CatalogProduct,
  CatalogProvider,
  CatalogTermsDocument,
} from '../../../modules/catalog/index.js';

export const adminProviderSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    nameJa: z.string(),
    nameEn: z.string(),
    isStore: z.boolean(),
    contactEmails: z.array(z.string()),
    webhookUrl: z.string().nullable(),
    webhookSecretRef: z
      .string()
      .nullable()
      .openapi({ description: 'the name of the environment variable holding the key' }),
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
    status: z.enum(['draft', 'published', 'retired']),
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

export function adminProviderJson(p: CatalogProvider): z.infer<typeof adminProviderSchema> {
  return { ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

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
