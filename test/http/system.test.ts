// Health, readiness, metrics, the OpenAPI document, the docs page and the store's public identity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system routes', () => {
  it('reports liveness', async () => {
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness with the database kind', async () => {
    const res = await t.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ready',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('reports not ready once the database is gone', async () => {
    const other = await createTestApp();
    await other.database.handle.close();
    const res = await other.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).status).toBe('unavailable');
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await t.request('/healthz');
    const res = await t.request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(
      /keiyaku_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/store']));
    expect(doc.components.schemas.PublicStore.required).toEqual(
      expect.arrayContaining(['name', 'issuerName', 'registrationNumber', 'email']),
    );
  });

  it('serves the API docs page and its assets from our own origin', async () => {
    const page = await t.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/api/docs/swagger-ui-bundle.js"></script>');
    expect(html).not.toMatch(/<script>[^<]/);
    const bundle = await t.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await t.request('/api/docs/init.js')).status).toBe(200);
  });
});

describe('GET /api/store', () => {
  it("returns the demo store's identity from store_settings", async () => {
    const res = await t.request('/api/store');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      name: 'keiyaku デモストア',
      issuerName: '株式会社けいやくデモ',
      registrationNumber: 'T6012345678901',
      postalCode: '100-0005',
      address: '東京都千代田区丸の内1-1-1',
      phone: '03-1234-5678',
      email: 'support@keiyaku.invalid',
      businessHours: '平日 9:00〜18:00（土日祝・年末年始を除く）',
      testClock: false,
    });
  });
});
