// The admin catalog API: a catalog operator registers a provider and a document, creates, edits and publishes a product, and the storefront prices it; each change audited with the operator.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogTrialRedemptions } from '../../src/db/schema/catalog.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { loadProduct } from '../../src/modules/catalog/index.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let op: SignedInOperator;

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  op = await operatorSignedIn(t, 'catalog.editor', ['catalog']);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const definition = {
  slug: 'backup-cloud',
  provider: 'partner-backup',
  kind: 'cloud',
  name: { ja: 'パートナー クラウドバックアップ', en: 'Partner Cloud Backup' },
  summary: { ja: '容量課金のバックアップ', en: 'Backup billed by storage' },
  category: 'infrastructure',
  tags: ['backup'],
  termsDocuments: ['partner-backup-terms'],
  paymentMethods: ['card', 'bank_transfer'],
  plans: [
    {
      code: 'basic',
      name: { ja: 'ベーシック', en: 'Basic' },
      setupFee: 1000,
      terms: [
        { term: 'monthly', price: 1500 },
        { term: '12m', price: 16500 },
      ],
      usageComponents: [
        {
          code: 'storage',
          name: { ja: '保存容量', en: 'Storage' },
          unit: { ja: 'GB', en: 'GB' },
          tiers: [
            { upTo: 50, unitPrice: 0 },
            { upTo: null, unitPrice: 4 },
          ],
        },
      ],
    },
  ],
  options: [
    {
      code: 'priority',
      name: { ja: '優先サポート', en: 'Priority support' },
      offers: [{ plan: 'basic', term: '12m', price: 12000 }],
    },
  ],
  orderFields: [
    { key: 'hostname', label: { ja: 'ホスト名', en: 'Host name' }, type: 'hostname', required: true },
  ],
};

describe('catalog editing', () => {
  it('registers a provider and a document, creates a draft, publishes it, and the store prices it', async () => {
    const b = op.browser;
    const provider = await b.send('/api/admin/catalog/providers', 'POST', {
      slug: 'partner-backup',
      nameJa: 'パートナーバックアップ株式会社',
      nameEn: 'Partner Backup K.K.',
      contactEmails: ['ops@partner-backup.example'],
      webhookUrl: 'https://partner-backup.example/hooks/keiyaku',
    });
    expect(provider.status).toBe(201);
    const providerBody = await provider.json();
    expect(providerBody).toMatchObject({
      slug: 'partner-backup',
      isStore: false,
      webhookUrl: 'https://partner-backup.example/hooks/keiyaku',
      webhookEndpointId: expect.stringMatching(/^whe_/),
      webhookSecret: expect.stringMatching(/^whsec_/),
    });
    const taken = await b.send('/api/admin/catalog/providers', 'POST', {
      slug: 'partner-backup',
      nameJa: 'x',
      nameEn: 'x',
      contactEmails: ['x@example.jp'],
    });
    const takenBody = await taken.json();
    expect([taken.status, takenBody.code]).toEqual([409, 'slug_taken']);
    // The editor shows it beside the slug input.
    expect(takenBody.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['slug', 'slug_taken'],
    ]);
    const renamed = await b.send(`/api/admin/catalog/providers/${providerBody.id}`, 'PATCH', {
      nameEn: 'Partner Backup Inc.',
    });
    const renamedBody = await renamed.json();
    expect(renamedBody.nameEn).toBe('Partner Backup Inc.');
    // The secret is shown once: a later answer never carries it.
    expect(renamedBody.webhookSecret).toBeNull();
    expect(renamedBody.webhookUrl).toBe('https://partner-backup.example/hooks/keiyaku');
    const badPatch = await b.send(`/api/admin/catalog/providers/${providerBody.id}`, 'PATCH', {
      contactEmails: ['not mail'],
    });
    expect(badPatch.status).toBe(422);

    // The product names a document that is not published yet.
    const early = await b.send('/api/admin/catalog/products', 'POST', {
      ...definition,
      trial: { days: 14, plan: 'basic', conditionsDocument: 'partner-backup-terms' },
    });
    const earlyBody = await early.json();
    expect([early.status, earlyBody.code]).toEqual([422, 'terms_document_unknown']);
    // Each place that names the document is a field the editor marks.
    expect(earlyBody.errors).toEqual([
      {
        path: 'termsDocuments.0',
        code: 'terms_document_unknown',
        message: {
          ja: '規約「partner-backup-terms」は公開されていません。',
          en: 'No published document "partner-backup-terms".',
        },
      },
      {
        path: 'trial.conditionsDocument',
        code: 'terms_document_unknown',
        message: {
          ja: '規約「partner-backup-terms」は公開されていません。',
          en: 'No published document "partner-backup-terms".',
        },
      },
    ]);
    const document = await b.send('/api/admin/catalog/terms-documents', 'POST', {
      key: 'partner-backup-terms',
      version: '2026-04',
      titleJa: 'バックアップ利用規約',
      titleEn: 'Backup terms',
      bodyJa: '# 規約\n\n本文',
    });
    expect(document.status).toBe(201);
    const again = await b.send('/api/admin/catalog/terms-documents', 'POST', {
      key: 'partner-backup-terms',
      version: '2026-04',
      titleJa: '別',
      titleEn: 'Other',
      bodyJa: '別',
    });
    expect([again.status, (await again.json()).code]).toEqual([409, 'terms_version_taken']);

    const created = await b.send('/api/admin/catalog/products', 'POST', definition);
    expect(created.status).toBe(201);
    const product = await created.json();
    expect(product).toMatchObject({
      status: 'draft',
      provider: { slug: 'partner-backup' },
      publishedAt: null,
    });
    expect(Object.keys(product.planIds)).toEqual(['basic']);
    expect((await t.request('/api/store/products/backup-cloud')).status).toBe(404);

    const invalid = await b.send(`/api/admin/catalog/products/${product.id}`, 'PUT', {
      ...definition,
      options: [
        {
          code: 'priority',
          name: { ja: '優先', en: 'Priority' },
          offers: [{ plan: 'basic', term: '6m', price: 1 }],
        },
      ],
    });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors).toEqual([
      expect.objectContaining({ path: 'options.0.offers.0', code: 'offer_plan_term_unknown' }),
    ]);

    const saved = await b.send(`/api/admin/catalog/products/${product.id}`, 'PUT', {
      ...definition,
      plans: [
        {
          ...definition.plans[0],
          terms: [
            { term: 'monthly', price: 1600 },
            { term: '12m', price: 16500 },
          ],
        },
      ],
    });
    expect(saved.status).toBe(200);
    const savedBody = await saved.json();
    expect(savedBody.planIds).toEqual(product.planIds);
    expect(savedBody.definition.plans[0].terms).toEqual([
      { term: 'monthly', price: 1600 },
      { term: '12m', price: 16500 },
    ]);

    const published = await b.send(`/api/admin/catalog/products/${product.id}/status`, 'POST', {
      status: 'published',
      reason: '販売開始',
    });
    expect(published.status).toBe(200);
    expect((await published.json()).publishedAt).toBe('2026-04-01T00:00:00.000Z');
    const illegal = await b.send(`/api/admin/catalog/products/${product.id}/status`, 'POST', {
      status: 'published',
    });
    expect([illegal.status, (await illegal.json()).code]).toEqual([409, 'product_transition_not_allowed']);

    const estimate = await t.request('/api/store/estimates', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        product: 'backup-cloud',
        plan: 'basic',
        term: '12m',
        options: [{ code: 'priority' }],
        usage: [{ code: 'storage', quantity: 80 }],
      }),
    });
    const body = await estimate.json();
    // 16,500 + 12,000 + (80 − 50) × 4 × 12 months = 29,940; setup 1,000
    expect(body.perTerm).toMatchObject({ subtotal: 29940, tax: 2994, total: 32934 });
    expect(body.firstTerm).toMatchObject({ subtotal: 30940, tax: 3094, total: 34034 });

    const listed = await (await b.send('/api/admin/catalog/products', 'GET')).json();
    expect(listed.products.map((p: { definition: { slug: string } }) => p.definition.slug)).toContain(
      'backup-cloud',
    );
    const documents = await (await b.send('/api/admin/catalog/terms-documents', 'GET')).json();
    expect(documents.documents.map((d: { key: string }) => d.key)).toContain('partner-backup-terms');
    expect((await b.send('/api/admin/catalog/products/prd_unknown', 'GET')).status).toBe(404);

    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorKind, 'operator'), eq(auditLog.actorId, op.operatorId)))
      // PostgreSQL keeps no insertion order: ids are UUIDv7s made in order.
      .orderBy(asc(auditLog.at), asc(auditLog.id));
    const catalogAudits = audits.filter((a) => a.action.startsWith('catalog.'));
    expect(catalogAudits.map((a) => [a.action, a.targetId])).toEqual([
      ['catalog.provider.created', providerBody.id],
      ['catalog.provider.updated', providerBody.id],
      ['catalog.terms_document.published', 'partner-backup-terms@2026-04'],
      ['catalog.product.created', product.id],
      ['catalog.product.updated', product.id],
      ['catalog.product.status_changed', product.id],
    ]);
    expect(catalogAudits.at(-1)).toMatchObject({
      before: { status: 'draft' },
      after: { status: 'published' },
      reason: '販売開始',
    });
    expect(audits.every((a) => a.requestId !== null)).toBe(true);
  });
});

describe('one free trial per member per product', () => {
  it('is a unique key: a second trial of the same product is refused by the database, another product is fine', async () => {
    const res = await t.request('/api/members', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fullRegistration({ loginId: 'trial.member', email: 'trial.member@example.jp' })),
    });
    expect(res.status).toBe(201);
    const { memberId } = (await res.json()) as { memberId: string };
    const groupware = (await loadProduct(t.ctx.db, 'mirai-groupware'))!;
    const cloud = (await loadProduct(t.ctx.db, 'cloud-server'))!;
    const redeemedAt = new Date('2026-04-01T00:00:00Z');
    await t.ctx.db
      .insert(catalogTrialRedemptions)
      .values({ id: 'trd_first', memberId, productId: groupware.id, redeemedAt });
    await expect(
      t.ctx.db
        .insert(catalogTrialRedemptions)
        .values({ id: 'trd_second', memberId, productId: groupware.id, redeemedAt }),
    ).rejects.toThrow();
    await t.ctx.db
      .insert(catalogTrialRedemptions)
      .values({ id: 'trd_other', memberId, productId: cloud.id, redeemedAt });
    const rows = await t.ctx.db
      .select()
      .from(catalogTrialRedemptions)
      .where(eq(catalogTrialRedemptions.memberId, memberId));
    expect(rows.map((r) => r.id).sort()).toEqual(['trd_first', 'trd_other']);
  });
});
