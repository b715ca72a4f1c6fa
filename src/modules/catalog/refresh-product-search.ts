// Keeps the columns the storefront search filters and sorts on (folded text, "from" price, trial, name order) in step with the definitions.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { fetchProducts } from './load-products.js';
import { priceFrom } from './price-from.js';
import { queryRows } from './query-rows.js';

/** Folds full-width letters and digits and case, so "ＳＳＬ" finds "SSL". */
export function foldSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const japanese = new Intl.Collator('ja');

/**
 * Recomputes the search columns of the given products from their stored definitions, then the name
 * order of every product. Call it in the transaction that wrote them; the catalog revision trigger has
 * already serialised catalog writers on its row, so two writers cannot interleave their numbering.
 */
export async function refreshProductSearch(db: DbOrTx, productIds: readonly string[]): Promise<void> {
  // In batches, so a whole catalog (start-up backfill, the bench's generator) stays within memory.
  for (let start = 0; start < productIds.length; start += 500) {
    const products = await fetchProducts(db, productIds.slice(start, start + 500));
    if (products.length === 0) continue;
    const values = products.map((product) => {
      const def = product.definition;
      const haystack = [
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
      ].join('\n');
      return {
        id: product.id,
        text: foldSearchText(haystack),
        price: priceFrom(def)?.amount ?? null,
        trial: def.trial !== null,
      };
    });
    await db.execute(sql`
      update catalog_products p
      set search_text = v.text, price_from = v.price, has_trial = v.trial
      from json_to_recordset(${JSON.stringify(values)}::json) as v(id text, text text, price bigint, trial boolean)
      where p.id = v.id`);
  }
  await renumberProductNames(db);
}

/**
 * Numbers every product by `name_ja` in Japanese collation (the order `localeCompare(…, 'ja')` gives,
 * ties by id), writing only the numbers that changed.
 */
export async function renumberProductNames(db: DbOrTx): Promise<void> {
  const rows = await queryRows<{ id: string; name: string; rank: number }>(
    db,
    sql`select id, name_ja as name, name_rank as rank from catalog_products`,
  );
  rows.sort((a, b) => japanese.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const changed: { id: string; rank: number }[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.rank !== index + 1) changed.push({ id: row.id, rank: index + 1 });
  }
  if (changed.length === 0) return;
  await db.execute(sql`
    update catalog_products p set name_rank = v.rank
    from json_to_recordset(${JSON.stringify(changed)}::json) as v(id text, rank integer)
    where p.id = v.id`);
}

/** Computes the search columns of products that have none yet (rows from before they existed). */
export async function backfillProductSearch(db: DbOrTx): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from catalog_products where search_text is null order by id`,
  );
  if (rows.length > 0)
    await refreshProductSearch(
      db,
      rows.map((r) => r.id),
    );
  return rows.length;
}
