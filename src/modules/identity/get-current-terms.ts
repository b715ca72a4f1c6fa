// The terms of use and the privacy policy currently in force: per kind, the latest version already published.
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { type TermsDocumentKind, termsDocuments } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { identityErrors } from './identity-errors.js';

export interface TermsDocument {
  kind: TermsDocumentKind;
  version: string;
  title: string;
  /** Markdown. */
  body: string;
  publishedAt: Date;
}

export interface CurrentTerms {
  terms: TermsDocument;
  privacy: TermsDocument;
}

async function currentOf(db: DbOrTx, kind: TermsDocumentKind, now: Temporal.Instant): Promise<TermsDocument> {
  const [row] = await db
    .select()
    .from(termsDocuments)
    .where(and(eq(termsDocuments.kind, kind), lte(termsDocuments.publishedAt, toDate(now))))
    .orderBy(desc(termsDocuments.publishedAt))
    .limit(1);
  if (!row) throw identityErrors.termsNotPublished();
  return row;
}

/** Both documents in force at `now`; a store with none published cannot take registrations (`terms_not_published`). */
export async function getCurrentTerms(db: DbOrTx, now: Temporal.Instant): Promise<CurrentTerms> {
  return { terms: await currentOf(db, 'terms', now), privacy: await currentOf(db, 'privacy', now) };
}
