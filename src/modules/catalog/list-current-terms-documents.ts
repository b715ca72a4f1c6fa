// The version in force of each catalog terms document: the latest already published.
import { desc, inArray, lte } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { catalogTermsDocuments } from '../../db/schema/catalog.js';
import { toDate } from '../../domain/clock.js';
import type { CatalogTermsDocument } from './publish-terms-document.js';

/** The current version of each key asked for (all keys when `keys` is absent); keys with none published are left out. */
export async function listCurrentTermsDocuments(
  db: DbOrTx,
  now: Temporal.Instant,
  keys?: readonly string[],
): Promise<CatalogTermsDocument[]> {
  if (keys && keys.length === 0) return [];
  const rows = await db
    .select()
    .from(catalogTermsDocuments)
    .where(
      keys
        ? inArray(catalogTermsDocuments.key, [...keys])
        : lte(catalogTermsDocuments.publishedAt, toDate(now)),
    )
    .orderBy(desc(catalogTermsDocuments.publishedAt), desc(catalogTermsDocuments.version));
  const current = new Map<string, CatalogTermsDocument>();
  for (const row of rows) {
    if (row.publishedAt > toDate(now)) continue;
    if (!current.has(row.key)) current.set(row.key, row);
  }
  return [...current.values()].sort((a, b) => a.key.localeCompare(b.key));
}
