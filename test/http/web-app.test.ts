// The built web app: hashed assets cached for a year, pages fall back to index.html with a fresh CSP nonce.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let webRoot: string;
const html = { accept: 'text/html,application/xhtml+xml' };

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'keiyaku-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><html><head><meta property="csp-nonce" nonce="__KEIYAKU_CSP_NONCE__"></head><body><div id="root"></div><script type="module" src="/assets/index-3f2a9c.js" nonce="__KEIYAKU_CSP_NONCE__"></script></body></html>',
  );
  writeFileSync(join(webRoot, 'assets', 'index-3f2a9c.js'), 'console.log("app")');
  // What the web build writes beside each compressible file.
  writeFileSync(join(webRoot, 'assets', 'index-3f2a9c.js.br'), brotliCompressSync('console.log("app")'));
  writeFileSync(join(webRoot, 'assets', 'index-3f2a9c.js.gz'), gzipSync('console.log("app")'));
  writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ webRoot });
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await t.request('/assets/index-3f2a9c.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log("app")');
  });

  it('sends the precompressed brotli or gzip file the browser accepts, varying on Accept-Encoding', async () => {
    const br = await t.request('/assets/index-3f2a9c.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect([br.status, br.headers.get('content-encoding'), br.headers.get('vary')]).toEqual([
      200,
      'br',
      'Accept-Encoding',
    ]);
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe('console.log("app")');

    const gz = await t.request('/assets/index-3f2a9c.js', { headers: { 'accept-encoding': 'gzip' } });
    expect([gz.status, gz.headers.get('content-encoding'), gz.headers.get('vary')]).toEqual([
      200,
      'gzip',
      'Accept-Encoding',
    ]);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe('console.log("app")');

    const plain = await t.request('/assets/index-3f2a9c.js', { headers: { 'accept-encoding': 'identity' } });
    expect([plain.status, plain.headers.get('content-encoding'), plain.headers.get('vary')]).toEqual([
      200,
      null,
      'Accept-Encoding',
    ]);
    expect(await plain.text()).toBe('console.log("app")');
  });

  it('serves other static files with a short cache', async () => {
    const res = await t.request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('answers page routes with index.html, never cached, with the nonce of its CSP header', async () => {
    for (const path of ['/', '/mypage/contracts', '/admin', '/no/such/page']) {
      const res = await t.request(path, { headers: html });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const body = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = csp.match(/style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
      expect(nonce).toBeTruthy();
      expect(body).not.toContain('__KEIYAKU_CSP_NONCE__');
      expect(body.split(`nonce="${nonce}"`)).toHaveLength(3);
    }
  });

  it('gives every response its own nonce', async () => {
    const a = await t.request('/', { headers: html });
    const b = await t.request('/', { headers: html });
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
  });

  it('answers pages to any client, whatever it accepts (curl, a health checker)', async () => {
    for (const accept of ['*/*', 'application/json', '']) {
      const res = await t.request('/some/page', { headers: accept ? { accept } : {} });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    }
  });

  it('answers unknown API and server paths with a 404 problem, not the app', async () => {
    for (const [path, headers] of [
      ['/api/nothing', html],
      ['/api/nothing', { accept: 'application/json' }],
      ['/healthz/extra', html],
      ['/dev/elsewhere', html],
      ['/assets/missing-123.js', html],
    ] as const) {
      const res = await t.request(path, { headers });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    }
  });
});
