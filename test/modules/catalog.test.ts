// The catalog module on a real database: the demo seed, definitions saved and read back, ids kept by code, the status machine, audit rows.
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogOptions, catalogPlans } from '../../src/db/schema/catalog.js';
import { demoProducts, seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  changeProductStatus,
  createProduct,
  loadProduct,
  publishTermsDocument,
  updateProduct,
} from '../../src/modules/catalog/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
let db: Db;
const now = Temporal.Instant.from('2026-04-01T00:00:00Z');
const actor = { kind: 'cli', id: 'test' } as const;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
});
afterAll(async () => {
  await database.drop();
});

describe('the demo catalog', () => {
  it('creates two providers and four published products once; a second run creates nothing', async () => {
    expect(await seedDemoCatalog(db, { actor, now })).toEqual({
      created: ['cloud-server', 'mirai-groupware', 'rental-server-x10', 'mirai-accounting-desktop'],
    });
    expect(await seedDemoCatalog(db, { actor, now })).toEqual({ created: [] });
    expect(await seedDemoCatalog(db, { actor, now, onlyIfEmpty: true })).toEqual({ created: [] });
    const products = await Promise.all(demoProducts.map((p) => loadProduct(db, p.slug)));
    expect(products.map((p) => [p!.definition.kind, p!.status, p!.provider.slug])).toEqual([
      ['cloud', 'published', 'keiyaku'],
      ['saas', 'published', 'mirai-soft'],
      ['hosting', 'published', 'keiyaku'],
      ['software', 'published', 'mirai-soft'],
    ]);
    const hosting = products[2]!.definition;
    expect(hosting.plans[0]!.terms.map((t) => [t.term, t.price])).toEqual([
      ['3m', 3960],
      ['6m', 7320],
      ['12m', 13200],
      ['24m', 25440],
      ['36m', 36360],
    ]);
    expect(hosting.options.find((o) => o.code === 'ssl-ev')!.offers.map((o) => o.term)).toEqual([
      '12m',
      '24m',
      '36m',
    ]);
    const software = products[3]!.definition;
    expect(software.options[0]!.offers).toEqual([
      { plan: 'package', term: '6m', price: 3000, included: false },
      { plan: 'package', term: '12m', price: 5400, included: false },
      { plan: 'download', term: '12m', price: 0, included: true },
    ]);
    expect(products[1]!.definition.trial).toEqual({
      days: 30,
      plan: 'business',
      conditionsDocument: 'groupware-trial',
      paymentMethodRequired: false,
      // The demo groupware's trial becomes the paid plan at its end (the product's setting).
      atEnd: 'convert',
    });
    expect(products[0]!.definition.plans[0]!.usageComponents[0]!.tiers).toEqual([
      { upTo: 100, unitPrice: 0 },
      { upTo: 10000, unitPrice: 11 },
      { upTo: null, unitPrice: 9 },
    ]);
  });
});

describe('saving definitions', () => {
  const base = {
    slug: 'test-tool',
    provider: 'keiyaku',
    kind: 'saas',
    name: { ja: 'テストツール', en: 'Test tool' },
    category: 'tools',
    paymentMethods: ['card'],
    plans: [
      { code: 'lite', name: { ja: 'ライト', en: 'Lite' }, terms: [{ term: 'monthly', price: 1000 }] },
      { code: 'pro', name: { ja: 'プロ', en: 'Pro' }, terms: [{ term: 'monthly', price: 3000 }] },
    ],
    options: [
      {
        code: 'extra',
        name: { ja: '追加', en: 'Extra' },
        offers: [{ plan: 'pro', term: 'monthly', price: 500 }],
      },
    ],
  };

  it('keeps plan and option ids by code, archives what was left out, and audits before and after', async () => {
    const created = await createProduct(db, { definition: base, actor, now });
    expect(created.status).toBe('draft');
    const proId = created.planIds.pro!;
    const updated = await updateProduct(db, {
      productId: created.id,
      definition: {
        ...base,
        plans: [
          { code: 'pro', name: { ja: 'プロ', en: 'Pro' }, terms: [{ term: 'monthly', price: 3300 }] },
          { code: 'team', name: { ja: 'チーム', en: 'Team' }, terms: [{ term: '12m', price: 30000 }] },
        ],
      },
      actor,
      now,
    });
    expect(updated.planIds.pro).toBe(proId);
    expect(Object.keys(updated.planIds)).toEqual(['pro', 'team']);
    expect(updated.definition.options[0]!.offers).toEqual([
      { plan: 'pro', term: 'monthly', price: 500, included: false },
    ]);
    const lite = await db.select().from(catalogPlans).where(eq(catalogPlans.id, created.planIds.lite!));
    expect(lite[0]!.archived).toBe(true);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audits.map((a) => a.action)).toEqual(['catalog.product.created', 'catalog.product.updated']);
    expect((audits[1]!.before as { plans: { code: string }[] }).plans.map((p) => p.code)).toEqual([
      'lite',
      'pro',
    ]);
  });

  it('refuses a bad definition as a whole: offers on missing terms, unknown documents, unknown providers, taken slugs', async () => {
    const bad = {
      ...base,
      slug: 'bad-tool',
      options: [
        {
          code: 'extra',
          name: { ja: '追加', en: 'Extra' },
          offers: [{ plan: 'pro', term: '12m', price: 1 }],
        },
      ],
    };
    await expect(createProduct(db, { definition: bad, actor, now })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ path: 'options.0.offers.0', code: 'offer_plan_term_unknown' })],
    });
    await expect(
      createProduct(db, { definition: { ...base, slug: 'bad-tool', termsDocuments: ['nope'] }, actor, now }),
    ).rejects.toMatchObject({ code: 'terms_document_unknown', status: 422 });
    await expect(
      createProduct(db, { definition: { ...base, slug: 'bad-tool', provider: 'nobody' }, actor, now }),
    ).rejects.toMatchObject({ code: 'provider_unknown' });
    await expect(createProduct(db, { definition: base, actor, now })).rejects.toMatchObject({
      code: 'slug_taken',
      status: 409,
    });
    expect(await loadProduct(db, 'bad-tool')).toBeNull();
    const options = await db.select().from(catalogOptions);
    expect(options.filter((o) => o.code === 'extra')).toHaveLength(1);
  });

  it('moves products through the status machine only', async () => {
    const product = (await loadProduct(db, 'test-tool'))!;
    await expect(
      changeProductStatus(db, { productId: product.id, status: 'draft', actor, now }),
    ).rejects.toMatchObject({ code: 'product_transition_not_allowed', status: 409 });
    const published = await changeProductStatus(db, {
      productId: product.id,
      status: 'published',
      actor,
      now,
    });
    expect(published.status).toBe('published');
    expect(published.publishedAt).toEqual(new Date('2026-04-01T00:00:00Z'));
    const retired = await changeProductStatus(db, { productId: product.id, status: 'retired', actor, now });
    expect(retired.status).toBe('retired');
  });

  it('keeps terms document versions immutable', async () => {
    const document = { key: 'tool-terms', version: '1', titleJa: '規約', titleEn: 'Terms', bodyJa: '本文' };
    await publishTermsDocument(db, { document, actor, now });
    await expect(publishTermsDocument(db, { document, actor, now })).rejects.toMatchObject({
      code: 'terms_version_taken',
    });
  });
});
