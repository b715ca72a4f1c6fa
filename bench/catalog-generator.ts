// Grows a benchmark catalog to a given number of published products with SQL alone, on either database.
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/db/client.js';
import { renumberProductNames } from '../src/modules/catalog/refresh-product-search.js';

const CATEGORIES = ['hosting', 'saas', 'cloud', 'security', 'software'];

/**
 * Adds products `bench-<n>` until the catalog holds `count` of them, each with one plan priced monthly and
 * for 12 months. The generated text is ASCII and kana, which SQL `lower()` folds exactly as the search's
 * `foldSearchText` does, so the derived search columns are written here too; the Japanese name order is
 * then renumbered once, as a product write would.
 */
export async function growBenchCatalog(handle: DatabaseHandle, count: number): Promise<void> {
  const { db } = handle;
  await db.execute(sql`
    insert into catalog_providers (id, slug, name_ja, name_en, is_store, contact_emails, created_at, updated_at)
    values ('prv_bench', 'bench-provider', 'ベンチ提供元', 'Bench Provider', true, '[]', now(), now())
    on conflict (id) do nothing`);
  const [have] = (
    (await db.execute(
      sql`select count(*)::int as n from catalog_products where id like 'prd_bench_%'`,
    )) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  const from = (have?.n ?? 0) + 1;
  for (let start = from; start <= count; start += 10_000) {
    const end = Math.min(count, start + 9_999);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into catalog_products (id, slug, provider_id, kind, status, name_ja, name_en, summary_ja, summary_en,
          description_ja, description_en, images, category, tags, terms_document_keys, payment_methods, sort_order,
          published_at, created_at, updated_at, search_text, price_from, has_trial)
        select 'prd_bench_' || lpad(i::text, 7, '0'), 'bench-' || i, 'prv_bench', 'saas', 'published',
          'ベンチ製品 ' || i, 'Bench product ' || i, 'クラウド サービス ' || i, 'Cloud service ' || i, '', '',
          '[]', (${JSON.stringify(CATEGORIES)}::jsonb ->> (i % 5)), '["bench"]', '[]', '["card"]', i % 100,
          now() - make_interval(secs => i), now(), now(),
          lower(concat_ws(E'\\n', 'ベンチ製品 ' || i, 'Bench product ' || i, 'クラウド サービス ' || i, 'Cloud service ' || i,
            ${JSON.stringify(CATEGORIES)}::jsonb ->> (i % 5), 'bench', 'ベンチ提供元', 'Bench Provider', 'スタンダード', 'Standard')),
          least(1000 + (i * 37) % 9000, ((1000 + (i * 37) % 9000) * 10) / 12), false
        from generate_series(${start}::int, ${end}::int) as i`);
      await tx.execute(sql`
        insert into catalog_plans (id, product_id, code, name_ja, name_en, renewal_modes)
        select 'pln_bench_' || lpad(i::text, 7, '0'), 'prd_bench_' || lpad(i::text, 7, '0'), 'standard',
          'スタンダード', 'Standard', '["auto"]'
        from generate_series(${start}::int, ${end}::int) as i`);
      await tx.execute(sql`
        insert into catalog_plan_terms (plan_id, term, months, price)
        select 'pln_bench_' || lpad(i::text, 7, '0'), t.term, t.months,
          case when t.months = 1 then 1000 + (i * 37) % 9000 else (1000 + (i * 37) % 9000) * 10 end
        from generate_series(${start}::int, ${end}::int) as i
        cross join (values ('monthly', 1), ('12m', 12)) as t(term, months)`);
    });
  }
  await db.transaction((tx) => renumberProductNames(tx));
  await db.execute(sql`analyze catalog_products`);
}
