// The development mail viewer: every kept mail and SMS for a loopback client, refused with SMTP, in production, to other peers and to forwarded requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, linkify } from '../../src/http/routes/system/dev-mail.js';
import { mailTo } from '../helpers/member-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

/** What @hono/node-server hands the app for a request that came in on a socket from `address`. */
function socketFrom(address: string) {
  const family = address.includes(':') ? 'IPv6' : 'IPv4';
  return { incoming: { socket: { remoteAddress: address, remotePort: 50123, remoteFamily: family } } };
}

function get(app: TestApp, path: string, peer: string | null, headers: Record<string, string> = {}) {
  return Promise.resolve(app.app.request(path, { headers }, peer === null ? undefined : socketFrom(peer)));
}

async function expectRefused(app: TestApp, peer: string | null, headers: Record<string, string> = {}) {
  for (const path of ['/dev/mail', '/dev/mail.json']) {
    const res = await get(app, path, peer, headers);
    expect(res.status, path).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await res.json()) as { code: string }).code).toBe('not_found');
  }
  const store = (await (await get(app, '/api/store', peer, headers)).json()) as { devMailUrl: string | null };
  expect(store.devMailUrl).toBeNull();
}

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  const registered = await t.request('/api/members', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fullRegistration({ loginId: 'viewer.hanako', email: 'viewer@example.jp' })),
  });
  expect(registered.status).toBe(201);
  await mailTo(t, 'viewer@example.jp', 1);
});
afterAll(async () => {
  await t.close();
});

describe('the dev mail viewer', () => {
  it('shows a loopback client every kept mail, newest first, with its body and clickable links', async () => {
    t.clock.advance({ minutes: 5 });
    const resent = await t.request('/api/members/resend-confirmation', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'viewer.hanako' }),
    });
    expect(resent.status).toBe(202);
    const [first, second] = await mailTo(t, 'viewer@example.jp', 2);
    for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await get(t, '/dev/mail', peer);
      expect(res.status, peer).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const page = await res.text();
      const newer = page.indexOf(`id="${second!.id}"`);
      const older = page.indexOf(`id="${first!.id}"`);
      expect(newer).toBeGreaterThan(0);
      expect(older).toBeGreaterThan(newer);
      const link = /https?:\/\/\S+\/register\/confirm\?token=[A-Za-z0-9_%-]+/.exec(second!.text)![0];
      expect(page).toContain(`<a href="${link}">${link}</a>`);
      expect(page).toContain('<h2>【keiyaku デモストア】メールアドレスの確認のお願い</h2>');
      // The inline style carries this response's CSP nonce.
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      expect(page).toContain(`<style nonce="${nonce}">`);
    }
    const json = await get(t, '/dev/mail.json?limit=1', '127.0.0.1');
    expect(json.status).toBe(200);
    const body = (await json.json()) as { mails: { id: string; to: string; text: string }[]; sms: unknown[] };
    expect(body.mails).toEqual([
      expect.objectContaining({ id: second!.id, to: 'viewer@example.jp', text: second!.text }),
    ]);
    expect(body.sms).toEqual([]);
    const store = (await (await get(t, '/api/store', '127.0.0.1')).json()) as { devMailUrl: string | null };
    expect(store.devMailUrl).toBe('/dev/mail');
  });

  it('refuses a peer that is not loopback, and a request without a socket', async () => {
    await expectRefused(t, '192.168.10.20');
    await expectRefused(t, '2001:db8::1');
    await expectRefused(t, null);
  });

  it('believes the socket, not X-Forwarded-For, and refuses forwarded requests from a local proxy', async () => {
    await expectRefused(t, '203.0.113.9', { 'x-forwarded-for': '127.0.0.1' });
    await expectRefused(t, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' });
    await expectRefused(t, '127.0.0.1', { forwarded: 'for=203.0.113.9' });
  });

  it('is never served when SMTP is configured', async () => {
    const withSmtp = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:2525' });
    try {
      await expectRefused(withSmtp, '127.0.0.1');
    } finally {
      await withSmtp.close();
    }
  });

  it('is never served in production', async () => {
    const production = await createTestApp({
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://store.example.jp' },
    });
    try {
      await expectRefused(production, '127.0.0.1');
    } finally {
      await production.close();
    }
  });
});

describe('its helpers', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '::2', '1270.0.0.1', '', null].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('escapes a body and links its URLs', () => {
    expect(linkify('<b>Hi</b> & see https://example.jp/a?b=1&c=2 now')).toBe(
      '&#60;b&#62;Hi&#60;/b&#62; &#38; see <a href="https://example.jp/a?b=1&#38;c=2">https://example.jp/a?b=1&#38;c=2</a> now',
    );
  });
});
