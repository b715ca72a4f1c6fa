// Publishes a new version of a product or option terms document; versions are never edited, so a consent names exactly what was shown.
import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { catalogTermsDocuments } from '../../db/schema/catalog.js';
import { slugPattern } from '../../domain/catalog.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { catalogErrors } from './catalog-errors.js';

export const termsDocumentSchema = z.object({
  key: z.string().min(2).max(80).regex(slugPattern),
  version: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[0-9A-Za-z._-]+$/),
  titleJa: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(200),
  bodyJa: z.string().min(1).max(100000),
  bodyEn: z.string().max(100000).default(''),
  /** When it takes effect; now when left out. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});

export interface CatalogTermsDocument {
  key: string;
  version: string;
  titleJa: string;
  titleEn: string;
  bodyJa: string;
  bodyEn: string;
  publishedAt: Date;
}

export interface PublishTermsDocumentInput {
  document: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

/** Stores a new version; an existing key + version is `terms_version_taken` (409). */
export async function publishTermsDocument(
  db: Db,
  input: PublishTermsDocumentInput,
): Promise<CatalogTermsDocument> {
  const parsed = termsDocumentSchema.safeParse(input.document);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const { publishedAt, ...fields } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(catalogTermsDocuments)
      .values({ ...fields, publishedAt: publishedAt ? new Date(publishedAt) : toDate(input.now) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw catalogErrors.termsVersionTaken(fields.key, fields.version);
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.terms_document.published',
      targetType: 'catalog_terms_document',
      targetId: `${row.key}@${row.version}`,
      after: { key: row.key, version: row.version, titleJa: row.titleJa, publishedAt: row.publishedAt },
      at: input.now,
    });
    return row;
  });
}
