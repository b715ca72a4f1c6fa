// Every version of every catalog document, for the admin console's document editor.
import { asc, desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogTermsDocuments } from '../../db/schema/catalog.js';
import type { CatalogTermsDocument } from './publish-terms-document.js';

/** By key, newest publication first. */
export async function listTermsDocumentVersions(db: DbOrTx): Promise<CatalogTermsDocument[]> {
  return db
    .select()
    .from(catalogTermsDocuments)
    .orderBy(
      asc(catalogTermsDocuments.key),
      desc(catalogTermsDocuments.publishedAt),
      desc(catalogTermsDocuments.version),
    );
}
