// The storefront's product search: published products filtered by keyword, category, provider, price and trial, sorted and paged.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { catalogProducts } from '../../db/schema/catalog.js';
import type { TaxRounding } from '../../domain/tax.js';
import { getStoreSettings } from '../store/index.js';
import type { CatalogProduct } from './load-products.js';
import { loadProducts } from './load-products.js';
import { priceFrom } from './price-from.js';

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

/** Folds full-width letters and digits and case, so "ＳＳＬ" finds "SSL". */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Searches the published catalog. A store sells tens or hundreds of products, so the whole published
 * catalog is read and filtered here, which keeps the price filter on the same "from" price the list shows.
 */
export async function searchProducts(db: DbOrTx, input: SearchProductsInput): Promise<ProductSearchResult> {
  const ids = await db
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(eq(catalogProducts.status, 'published'));
  const all = (
    await loadProducts(
      db,
      ids.map((r) => r.id),
    )
  ).map((product) => ({
    product,
    priceFrom: priceFrom(product.definition),
  }));

  const words = fold(input.keyword ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const hits = all.filter(({ product, priceFrom: from }) => {
    const def = product.definition;
    if (input.category && def.category !== input.category) return false;
    if (input.provider && product.provider.slug !== input.provider) return false;
    if (input.trialAvailable && !def.trial) return false;
    if (input.minPrice !== undefined && (!from || from.amount < input.minPrice)) return false;
    if (input.maxPrice !== undefined && (!from || from.amount > input.maxPrice)) return false;
    if (words.length) {
      const haystack = fold(
        [
          def.name.ja,
          def.name.en,
          def.summary.ja,
          def.summary.en,
          def.category,
          ...def.tags,
          product.provider.nameJa,
          product.provider.nameEn,
          ...def.plans.flatMap((p) => [p.name.ja, p.name.en]),
          ...def.options.flatMap((o) => [o.name.ja, o.name.en]),
        ].join('\n'),
      );
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });

  const byName = (a: ProductSearchHit, b: ProductSearchHit) =>
    a.product.definition.name.ja.localeCompare(b.product.definition.name.ja, 'ja');
  const price = (h: ProductSearchHit) => h.priceFrom?.amount ?? Number.MAX_SAFE_INTEGER;
  const sorters: Record<ProductSort, (a: ProductSearchHit, b: ProductSearchHit) => number> = {
    recommended: (a, b) => a.product.definition.sortOrder - b.product.definition.sortOrder || byName(a, b),
    newest: (a, b) =>
      (b.product.publishedAt?.getTime() ?? 0) - (a.product.publishedAt?.getTime() ?? 0) || byName(a, b),
    price_asc: (a, b) => price(a) - price(b) || byName(a, b),
    price_desc: (a, b) => price(b) - price(a) || byName(a, b),
    name: byName,
  };
  hits.sort(sorters[input.sort]);

  const categories = new Map<string, number>();
  const providers = new Map<string, ProductSearchResult['providers'][number]>();
  for (const { product } of all) {
    categories.set(product.definition.category, (categories.get(product.definition.category) ?? 0) + 1);
    const p = providers.get(product.provider.slug) ?? {
      slug: product.provider.slug,
      nameJa: product.provider.nameJa,
      nameEn: product.provider.nameEn,
      count: 0,
    };
    p.count += 1;
    providers.set(p.slug, p);
  }

  const { taxRounding } = await getStoreSettings(db);
  return {
    taxRounding,
    items: hits.slice(input.offset, input.offset + input.limit),
    total: hits.length,
    categories: [...categories]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => a.value.localeCompare(b.value)),
    providers: [...providers.values()].sort((a, b) => a.slug.localeCompare(b.slug)),
  };
}
