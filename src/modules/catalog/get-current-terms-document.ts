// One catalog terms document in force, for the "terms" links of product pages and checkout.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { catalogErrors } from './catalog-errors.js';
import { listCurrentTermsDocuments } from './list-current-terms-documents.js';
import type { CatalogTermsDocument } from './publish-terms-document.js';

/** The version in force of a key; `terms_document_not_found` (404) when none is published. */
export async function getCurrentTermsDocument(
  db: DbOrTx,
  input: { key: string; now: Temporal.Instant },
): Promise<CatalogTermsDocument> {
  const [document] = await listCurrentTermsDocuments(db, input.now, [input.key]);
  if (!document) throw catalogErrors.termsDocumentNotFound();
  return document;
}
