// Health, readiness, metrics, the OpenAPI document, the docs page and the store's public identity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A request as @hono/node-server hands it over: with the socket's peer address. */
function fromAddress(
  app: TestApp,
  path: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
) {
  return Promise.resolve(
    app.app.request(path, { headers }, { incoming: { socket: { remoteAddress, remotePort: 40000 } } }),
  );
}

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
    const res = await fromAddress(t, '/metrics', '127.0.0.1');
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
      passwordPolicy: 'seed',
      devMailUrl: null,
    });
  });
});

describe('who may read /metrics', () => {
  it('without METRICS_TOKEN answers loopback clients only, and asks the proxy when TRUST_PROXY is set', async () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect([address, (await fromAddress(t, '/metrics', address)).status]).toEqual([address, 200]);
    }
    for (const address of ['192.168.1.20', '10.0.0.5', '203.0.113.7', '::ffff:192.168.1.20', 'fd00::1']) {
      const res = await fromAddress(t, '/metrics', address);
      expect([address, res.status]).toEqual([address, 403]);
      const problem = await res.json();
      expect(problem.code).toBe('metrics_loopback_only');
      expect(problem.messages).toEqual({
        ja: 'METRICS_TOKEN が設定されていないため、メトリクスはこのサーバー自身からのみ取得できます。',
        en: 'Without METRICS_TOKEN the metrics answer only clients on this machine.',
      });
    }
    // In-process, without a socket, nobody can say where the request came from.
    expect((await t.request('/metrics')).status).toBe(403);
    // A client sending its own X-Forwarded-For is not believed without TRUST_PROXY …
    expect((await fromAddress(t, '/metrics', '203.0.113.7', { 'x-forwarded-for': '127.0.0.1' })).status).toBe(
      403,
    );
    const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      // … and behind a trusted proxy on loopback, the client the proxy names decides.
      expect(
        (await fromAddress(proxied, '/metrics', '127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).status,
      ).toBe(403);
      expect(
        (await fromAddress(proxied, '/metrics', '10.0.0.2', { 'x-forwarded-for': '127.0.0.1' })).status,
      ).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('with METRICS_TOKEN needs it as a Bearer token from any address, loopback included', async () => {
    const secured = await createTestApp({
      env: { METRICS_TOKEN: 'metrics-token-0123456789abcdef', PUBLIC_URL: 'https://store.example.jp' },
    });
    try {
      for (const headers of <Record<string, string>[]>[
        {},
        { authorization: 'Bearer wrong-token-0123456789abcdef' },
        { authorization: 'Basic bWV0cmljczp4' },
        { authorization: 'Bearer metrics-token-0123456789abcde' },
      ]) {
        const res = await fromAddress(secured, '/metrics', '127.0.0.1', headers);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        const problem = await res.json();
        expect(problem.code).toBe('metrics_token_required');
        expect(problem.messages).toEqual({
          ja: 'メトリクスの取得には METRICS_TOKEN の Bearer トークンが必要です。',
          en: 'Reading the metrics needs the METRICS_TOKEN as a Bearer token.',
        });
      }
      const res = await fromAddress(secured, '/metrics', '203.0.113.7', {
        authorization: 'Bearer metrics-token-0123456789abcdef',
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('process_cpu_user_seconds_total');
    } finally {
      await secured.close();
    }
  });
});

describe('Strict-Transport-Security', () => {
  it('is not sent when the public URL is plain http', async () => {
    expect(t.ctx.config.publicUrl).toBe('http://127.0.0.1:3000');
    for (const path of ['/healthz', '/api/store', '/api/openapi.json']) {
      const res = await t.request(path);
      expect([path, res.headers.get('strict-transport-security')]).toEqual([path, null]);
    }
  });

  it('is sent for a store whose public URL is https', async () => {
    const https = await createTestApp({ env: { PUBLIC_URL: 'https://store.example.jp' } });
    try {
      for (const path of ['/healthz', '/api/store']) {
        const res = await https.request(path, { headers: { origin: 'https://store.example.jp' } });
        expect([path, res.headers.get('strict-transport-security')]).toEqual([
          path,
          'max-age=31536000; includeSubDomains',
        ]);
      }
    } finally {
      await https.close();
    }
  });
});
