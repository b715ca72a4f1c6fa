// Every provider API route, read from the OpenAPI document: 401 without a valid key, and a provider never reaches another provider's (or the store's own) requests and lines.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogProviders } from '../../src/db/schema/catalog.js';
import { orderEvents, orderLines } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
/** Keys of mirai-soft (owns the groupware line), of another provider (owns nothing here), and a revoked one. */
let miraiKey: string;
let otherKey: string;
let revokedKey: string;
let order: { orderId: string; number: string; lineIds: string[]; requestIds: string[] };

/**
 * How each provider route is tried. `list`: no id, the key is the only scope, so another provider's answer
 * must hold none of mirai-soft's requests. `path`: the route names mirai-soft's request or line, so another
 * provider gets 404 and nothing changes; `storeLine` names the store's own line, which no provider may reach.
 */
type ProviderRouteCase =
  | { scope: 'list' }
  /** The ids are in the body, checked by the file named: another provider's contract is refused there. */
  | { scope: 'elsewhere'; test: string; body: unknown }
  | {
      scope: 'path';
      ids: () => Record<string, string>;
      storeIds?: () => Record<string, string>;
      body?: unknown;
    };

const startBody = { serviceStartDate: '2026-04-15' };
const providerRoutes: Record<string, ProviderRouteCase> = {
  'GET /api/provider/provisioning-requests': { scope: 'list' },
  'GET /api/provider/provisioning-requests/{id}': {
    scope: 'path',
    ids: () => ({ id: order.requestIds[0]! }),
  },
  'POST /api/provider/order-lines/{id}/preparing': {
    scope: 'path',
    ids: () => ({ id: order.lineIds[0]! }),
    storeIds: () => ({ id: order.lineIds[1]! }),
  },
  'POST /api/provider/order-lines/{id}/start': {
    scope: 'path',
    ids: () => ({ id: order.lineIds[0]! }),
    storeIds: () => ({ id: order.lineIds[1]! }),
    body: startBody,
  },
  'POST /api/provider/order-lines/{id}/reject': {
    scope: 'path',
    ids: () => ({ id: order.lineIds[0]! }),
    storeIds: () => ({ id: order.lineIds[1]! }),
    body: { reason: '在庫がありません' },
  },
  'POST /api/provider/v1/usage': {
    scope: 'elsewhere',
    test: 'test/http/billing-charges.test.ts (another provider’s contract: usage_contract_unknown)',
    body: { records: [] },
  },
};

async function asProvider(
  key: string | null,
  route: string,
  ids: Record<string, string> = {},
  body?: unknown,
) {
  const [method = '', template = ''] = route.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(id);
  });
  const headers = new Headers();
  if (key) headers.set('authorization', `Bearer ${key}`);
  if (body !== undefined) headers.set('content-type', 'application/json');
  return t.app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function providerRoutesInOpenApi(): Promise<string[]> {
  const doc = (await (await t.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/provider/'))
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}

/** Everything a line step could have changed: the lines and the timeline. */
async function lineState() {
  const lines = await t.ctx.db
    .select({ id: orderLines.id, status: orderLines.status, start: orderLines.serviceStartDate })
    .from(orderLines)
    .where(inArray(orderLines.id, order.lineIds));
  const events = await t.ctx.db
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.orderId));
  return { lines: lines.sort((a, b) => a.id.localeCompare(b.id)), events: events.length };
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  const owner = await operatorSignedIn(t, 'authz.owner', ['owner']);
  const [mirai] = await t.ctx.db
    .select()
    .from(catalogProviders)
    .where(eq(catalogProviders.slug, 'mirai-soft'));
  const issue = async (providerId: string) => {
    const res = await owner.browser.send(`/api/admin/catalog/providers/${providerId}/api-keys`, 'POST', {
      label: 'authz',
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { key: string; apiKey: { id: string } };
  };
  miraiKey = (await issue(mirai!.id)).key;
  const other = await owner.browser.send('/api/admin/catalog/providers', 'POST', {
    slug: 'authz-other',
    nameJa: 'アザー株式会社',
    nameEn: 'Other K.K.',
    contactEmails: ['ops@authz-other.example'],
  });
  expect(other.status).toBe(201);
  const otherId = ((await other.json()) as { id: string }).id;
  otherKey = (await issue(otherId)).key;
  const revoked = await issue(otherId);
  revokedKey = revoked.key;
  const revoke = await owner.browser.send(
    `/api/admin/catalog/providers/${otherId}/api-keys/${revoked.apiKey.id}/revoke`,
    'POST',
  );
  expect(revoke.status).toBeLessThan(300);

  const { memberId } = await registerAndSignIn(t, {
    loginId: 'authz-member',
    name: '山田 太郎',
    email: 'authz-member@example.jp',
  });
  // Line 0 is mirai-soft's groupware; line 1 the store's own rental server (no hand-off, no provider).
  order = await insertTestOrder(t, {
    memberId,
    lines: [
      {
        productSlug: 'mirai-groupware',
        plan: 'business',
        term: '12m',
        quantity: 10,
        orderFields: { tenant_domain: 'authz.example.jp', admin_email: 'admin@authz.example.jp' },
      },
      {
        productSlug: 'rental-server-x10',
        plan: 'x10',
        term: '12m',
        orderFields: { domain: 'authz.example.jp' },
      },
    ],
  });
  expect(order.requestIds).toHaveLength(1);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('provider API authorization', () => {
  it('has a case for every provider route in the OpenAPI document, and no case for a route that is gone', async () => {
    const routes = await providerRoutesInOpenApi();
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => !(route in providerRoutes))).toEqual([]);
    expect(Object.keys(providerRoutes).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('answers 401 provider_key_invalid without a key, with a revoked key and with a made-up key', async () => {
    const before = await lineState();
    for (const [route, expectation] of Object.entries(providerRoutes)) {
      const ids = expectation.scope === 'path' ? expectation.ids() : {};
      const body = expectation.scope === 'list' ? undefined : expectation.body;
      for (const key of [null, revokedKey, 'kpk_not-a-key-0000000000000000']) {
        const res = await asProvider(key, route, ids, body);
        expect([route, key, res.status], await res.clone().text()).toEqual([route, key, 401]);
        expect(((await res.json()) as { code: string }).code).toBe('provider_key_invalid');
      }
    }
    expect(await lineState()).toEqual(before);
  });

  it("gives another provider 404 for mirai-soft's requests and lines, and nothing of them in its list", async () => {
    const before = await lineState();
    for (const [route, expectation] of Object.entries(providerRoutes)) {
      if (expectation.scope === 'list') {
        const res = await asProvider(otherKey, route);
        expect(res.status).toBe(200);
        const text = await res.text();
        for (const secret of [order.number, order.requestIds[0]!, order.lineIds[0]!, 'authz.example.jp'])
          expect(text, `${route} leaks ${secret}`).not.toContain(secret);
        continue;
      }
      if (expectation.scope === 'elsewhere') continue;
      const res = await asProvider(otherKey, route, expectation.ids(), expectation.body);
      expect([route, res.status]).toEqual([route, 404]);
    }
    expect(await lineState()).toEqual(before);
  });

  it("gives mirai-soft 404 for the store's own line, which has no hand-off", async () => {
    const before = await lineState();
    for (const [route, expectation] of Object.entries(providerRoutes)) {
      if (expectation.scope !== 'path' || !expectation.storeIds) continue;
      const res = await asProvider(miraiKey, route, expectation.storeIds(), expectation.body);
      expect([route, res.status]).toEqual([route, 404]);
    }
    expect(await lineState()).toEqual(before);
  });

  it('lets mirai-soft itself read and step its own line (the cases above are not refusing everyone)', async () => {
    const list = await asProvider(miraiKey, 'GET /api/provider/provisioning-requests');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(order.requestIds[0]!);
    const read = await asProvider(miraiKey, 'GET /api/provider/provisioning-requests/{id}', {
      id: order.requestIds[0]!,
    });
    expect(read.status).toBe(200);
    const started = await asProvider(
      miraiKey,
      'POST /api/provider/order-lines/{id}/start',
      { id: order.lineIds[0]! },
      startBody,
    );
    expect(started.status).toBe(200);
    expect(await started.json()).toEqual({
      orderLineId: order.lineIds[0],
      status: 'started',
      serviceStartDate: '2026-04-15',
    });
  });
});
