// Product definitions and the storefront's filter counts kept in memory per catalog revision, so a read costs one small query.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { CatalogProduct } from './load-products.js';
import { queryRows } from './query-rows.js';

/** Counts over every published product, for the storefront's filter lists. */
export interface CatalogFacets {
  categories: { value: string; count: number }[];
  providers: { slug: string; nameJa: string; nameEn: string; count: number }[];
  /** Published products in all. */
  total: number;
}

/** What is cached for one catalog revision. */
export interface RevisionEntry {
  products: Map<string, CatalogProduct>;
  /** Slug → id, for product pages addressed by slug. */
  slugs: Map<string, string>;
  facets?: CatalogFacets;
}

// A trigger gives `catalog_revision.token` a new random value in every transaction that writes a catalog
// table, so an entry is valid for exactly the catalog state that had its token: on every node, across
// databases that share a process (tests), and never for a rolled-back write (its token is never seen again).
const MAX_REVISIONS = 4;
const MAX_PRODUCTS = 5000;
const revisions = new Map<string, RevisionEntry>();

/** The current catalog revision token as `db` sees it (inside a transaction, including its own writes). */
export async function readCatalogRevision(db: DbOrTx): Promise<string> {
  const [row] = await queryRows<{ token: string }>(db, sql`select token from catalog_revision where id = 1`);
  if (!row) throw new Error('catalog_revision row 1 is missing: restore the database from a backup');
  return row.token;
}

/** The cache entry of a revision, made on first use; the oldest revisions are dropped. */
export function revisionEntry(token: string): RevisionEntry {
  let entry = revisions.get(token);
  if (!entry) {
    entry = { products: new Map(), slugs: new Map() };
    revisions.set(token, entry);
    while (revisions.size > MAX_REVISIONS) revisions.delete(revisions.keys().next().value!);
  }
  return entry;
}

/** A copy of a cached product (callers may change what they get), or undefined. */
export function cachedProduct(entry: RevisionEntry, idOrSlug: string): CatalogProduct | undefined {
  const product = entry.products.get(entry.slugs.get(idOrSlug) ?? idOrSlug);
  return product ? structuredClone(product) : undefined;
}

/** Keeps a copy of a product under a revision. */
export function cacheProduct(entry: RevisionEntry, product: CatalogProduct): void {
  if (entry.products.size >= MAX_PRODUCTS) {
    entry.products.clear();
    entry.slugs.clear();
  }
  entry.products.set(product.id, structuredClone(product));
  entry.slugs.set(product.definition.slug, product.id);
}
