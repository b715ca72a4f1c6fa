// The storefront's product search: published products filtered by keyword, category, provider, price and trial, sorted and paged.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { TaxRounding } from '../../domain/tax.js';
import type { CatalogProduct } from './load-products.js';
import { loadProductsAt } from './load-products.js';
import { priceFrom } from './price-from.js';
import { type CatalogFacets, revisionEntry } from './product-cache.js';
import { queryRows } from './query-rows.js';
import { foldSearchText } from './refresh-product-search.js';

export const productSorts = ['recommended', 'newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof productSorts)[number];

export interface SearchProductsInput {
  keyword?: string;
  category?: string;
  /** A provider's slug. */
  provider?: string;
  /** Bounds on the "from" price per month, tax-exclusive yen, inclusive. */
  minPrice?: number;
  maxPrice?: number;
  trialAvailable?: boolean;
  sort: ProductSort;
  limit: number;
  offset: number;
}

export interface ProductSearchHit {
  product: CatalogProduct;
  priceFrom: ReturnType<typeof priceFrom>;
}

export interface ProductSearchResult {
  items: ProductSearchHit[];
  total: number;
  /** Over every published product, for the filter lists. */
  categories: { value: string; count: number }[];
  providers: { slug: string; nameJa: string; nameEn: string; count: number }[];
  /** The store's rounding, for showing tax-inclusive prices. */
  taxRounding: TaxRounding;
}

// Each sort ends in the unique name rank, so pages never overlap; unqualified columns serve both the
// page's index scan and the ordering of the page's ids.
const orders: Record<ProductSort, SQL> = {
  recommended: sql.raw('sort_order, name_rank, id'),
  newest: sql.raw('published_at desc nulls last, name_rank, id'),
  price_asc: sql.raw('price_from asc nulls last, name_rank, id'),
  price_desc: sql.raw('price_from desc nulls first, name_rank, id'),
  name: sql.raw('name_rank, id'),
};

/** `%word%` for LIKE, with the pattern characters in the word taken literally. */
function containing(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Searches the published catalog in the database: filtered, sorted and paged there (on columns kept by
 * `refreshProductSearch`), so only the page's products are read; the filter counts are cached per
 * catalog revision.
 */
export async function searchProducts(db: DbOrTx, input: SearchProductsInput): Promise<ProductSearchResult> {
  const words = foldSearchText(input.keyword ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const conditions: SQL[] = [sql`status = 'published'`];
  if (input.category) conditions.push(sql`category = ${input.category}`);
  if (input.provider)
    conditions.push(
      sql`provider_id = (select pr.id from catalog_providers pr where pr.slug = ${input.provider})`,
    );
  if (input.trialAvailable) conditions.push(sql`has_trial`);
  if (input.minPrice !== undefined) conditions.push(sql`price_from >= ${input.minPrice}`);
  if (input.maxPrice !== undefined) conditions.push(sql`price_from <= ${input.maxPrice}`);
  for (const word of words) conditions.push(sql`search_text like ${containing(word)}`);
  const where = sql.join(conditions, sql` and `);
  const filtered = conditions.length > 1;
  const order = orders[input.sort];

  const [page] = await queryRows<{
    revision: string;
    tax_rounding: TaxRounding;
    ids: string[] | string;
    total: number | string | null;
  }>(
    db,
    sql`select
      (select token from catalog_revision where id = 1) as revision,
      (select tax_rounding from store_settings where id = 1) as tax_rounding,
      (select coalesce(json_agg(id order by ${order}), '[]') from (
        select id, sort_order, published_at, price_from, name_rank from catalog_products
        where ${where} order by ${order} limit ${input.limit} offset ${input.offset}
      ) page) as ids,
      ${filtered ? sql`(select count(*) from catalog_products where ${where})` : sql`null`} as total`,
  );
  if (!page?.revision || !page.tax_rounding)
    throw new Error('catalog_revision or store_settings row is missing');
  const entry = revisionEntry(page.revision);
  const facets = entry.facets ?? (await readFacets(db));
  const ids = typeof page.ids === 'string' ? (JSON.parse(page.ids) as string[]) : page.ids;
  const products = await loadProductsAt(db, entry, ids);
  return {
    taxRounding: page.tax_rounding,
    items: products.map((product) => ({ product, priceFrom: priceFrom(product.definition) })),
    total: page.total === null ? facets.total : Number(page.total),
    categories: facets.categories.map((c) => ({ ...c })),
    providers: facets.providers.map((p) => ({ ...p })),
  };
}

/** Counts every published product by category and by provider, cached under the revision it was read at. */
async function readFacets(db: DbOrTx): Promise<CatalogFacets> {
  const [row] = await queryRows<{
    revision: string;
    categories: { value: string; count: number }[] | string | null;
    providers: CatalogFacets['providers'] | string | null;
  }>(
    db,
    sql`select
      (select token from catalog_revision where id = 1) as revision,
      (select json_agg(json_build_object('value', category, 'count', n)) from (
        select category, count(*) as n from catalog_products where status = 'published' group by category
      ) c) as categories,
      (select json_agg(json_build_object('slug', pr.slug, 'nameJa', pr.name_ja, 'nameEn', pr.name_en, 'count', c.n))
        from (
          select provider_id, count(*) as n from catalog_products where status = 'published' group by provider_id
        ) c join catalog_providers pr on pr.id = c.provider_id
      ) as providers`,
  );
  const parse = <T>(value: T | string | null | undefined): T | [] =>
    value == null ? [] : typeof value === 'string' ? (JSON.parse(value) as T) : value;
  const categories = parse(row?.categories).sort((a, b) => a.value.localeCompare(b.value));
  const providers = parse(row?.providers).sort((a, b) => a.slug.localeCompare(b.slug));
  const facets = { categories, providers, total: categories.reduce((sum, c) => sum + c.count, 0) };
  if (row) revisionEntry(row.revision).facets = facets;
  return facets;
}
