// The storefront search in SQL: Japanese name order as localeCompare gives it, literal keywords, paging, and cached definitions that follow every write.
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { demoProducts, seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  changeProductStatus,
  createProduct,
  loadProduct,
  searchProducts,
} from '../../src/modules/catalog/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let db: Db;
const now = Temporal.Instant.from('2026-04-01T00:00:00Z');
const actor = { kind: 'cli', id: 'test' } as const;

const extraNames = [
  'さくらVPS',
  'アーカイブ保管',
  'Zebra Mail',
  '漢字サーバー',
  'かんたん会計',
  'ABC Backup',
  'カメラ監視',
  '容量100%保証',
];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
  await seedDemoCatalog(db, { actor, now });
  const base = demoProducts[0]!;
  for (const [index, name] of extraNames.entries()) {
    const product = await createProduct(db, {
      definition: {
        ...base,
        slug: `extra-${index}`,
        name: { ja: name, en: `Extra ${index}` },
        sortOrder: 50,
      },
      actor,
      now,
    });
    await changeProductStatus(db, { productId: product.id, status: 'published', actor, now });
  }
});
afterAll(async () => {
  await database.drop();
});

const search = (input: Partial<Parameters<typeof searchProducts>[1]>) =>
  searchProducts(db, { sort: 'recommended', limit: 100, offset: 0, ...input });

describe('the storefront search in SQL', () => {
  it('sorts by name in the order localeCompare(…, "ja") gives', async () => {
    const all = await search({ sort: 'name' });
    const names = all.items.map((h) => h.product.definition.name.ja);
    expect(names).toHaveLength(12);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ja')));
    expect(names.slice(0, 2)).toEqual(['ABC Backup', 'Zebra Mail']);
  });

  it('takes % and _ in a keyword literally', async () => {
    expect((await search({ keyword: '100%' })).items.map((h) => h.product.definition.slug)).toEqual([
      'extra-7',
    ]);
    expect((await search({ keyword: '10_' })).total).toBe(0);
    expect((await search({ keyword: '%' })).items.map((h) => h.product.definition.slug)).toEqual(['extra-7']);
  });

  it('pages without overlap in every sort, with the total of the whole result', async () => {
    for (const sort of ['recommended', 'newest', 'price_asc', 'price_desc', 'name'] as const) {
      const whole = (await search({ sort })).items.map((h) => h.product.id);
      const pages: string[] = [];
      for (let offset = 0; offset < 12; offset += 5) {
        const page = await search({ sort, limit: 5, offset });
        expect([sort, page.total]).toEqual([sort, 12]);
        pages.push(...page.items.map((h) => h.product.id));
      }
      expect([sort, pages]).toEqual([sort, whole]);
    }
  });

  it('reads a change made outside the services (another node, a repair) on the next read', async () => {
    expect((await loadProduct(db, 'extra-1'))!.definition.name.ja).toBe('アーカイブ保管');
    await db.execute(sql`update catalog_products set name_ja = '外で変更' where slug = 'extra-1'`);
    expect((await loadProduct(db, 'extra-1'))!.definition.name.ja).toBe('外で変更');
    const listed = (await search({})).items.find((h) => h.product.definition.slug === 'extra-1');
    expect(listed!.product.definition.name.ja).toBe('外で変更');
  });

  it('forgets what a rolled-back transaction read', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`update catalog_products set name_ja = '取り消される' where slug = 'extra-2'`);
        expect((await loadProduct(tx, 'extra-2'))!.definition.name.ja).toBe('取り消される');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await loadProduct(db, 'extra-2'))!.definition.name.ja).toBe('Zebra Mail');
  });

  it('hands out copies: changing a product read does not change the next read', async () => {
    const first = (await loadProduct(db, 'extra-3'))!;
    first.definition.name.ja = '書き換え';
    expect((await loadProduct(db, 'extra-3'))!.definition.name.ja).toBe('漢字サーバー');
  });
});
