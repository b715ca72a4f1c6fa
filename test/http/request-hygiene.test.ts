// Three request-handling rules: 415 for a body that is not JSON, 401 before any My Page body is read, policy errors on the field sent.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { members } from '../../src/db/schema/identity.js';
import { Browser, json, mailTo, registerAndConfirm, signInFully, travel } from '../helpers/member-browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2026-04-01T09:00:00+09:00');
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const password = 'Kei-yaku2026!';

async function auditRows(): Promise<number> {
  const [row] = await t.ctx.db.select({ n: count() }).from(auditLog);
  return row!.n;
}

describe('a body that is not JSON', () => {
  it('answers 415 unsupported_media_type without a Content-Type or with another one, and changes nothing', async () => {
    const before = await auditRows();
    const body = JSON.stringify({ loginId: 'someone', password: 'whatever-1A!' });
    const variants: Record<string, string>[] = [
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded' },
    ];
    for (const headers of variants) {
      const res = await t.request('/api/sessions', { method: 'POST', body, headers });
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      const problem = await res.json();
      expect(problem.code).toBe('unsupported_media_type');
      expect(problem.messages).toEqual({
        ja: 'リクエスト本文の形式（Content-Type）に対応していません。application/json で送ってください。',
        en: 'The request body has an unsupported Content-Type. Please send application/json.',
      });
    }
    expect(await auditRows()).toBe(before);
  });

  it('answers 415 to a signed-in PATCH of the profile sent as text, leaving the profile as it was', async () => {
    await registerAndConfirm(t, 'texter', 'texter@example.jp', password);
    const browser = new Browser(t);
    await signInFully(t, browser, 'texter', 'texter@example.jp', password);
    const [before] = await t.ctx.db.select().from(members);
    const res = await t.request('/api/mypage/profile', {
      method: 'PATCH',
      body: JSON.stringify({ marketingOptIn: !before!.marketingOptIn }),
      headers: { cookie: browser.cookie, 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect([res.status, (await res.json()).code]).toEqual([415, 'unsupported_media_type']);
    const [after] = await t.ctx.db.select().from(members);
    expect(after).toEqual(before);
  });
});

describe('My Page answers 401 before it reads the body', () => {
  it('gives every /api/mypage route signed out a 401 not_signed_in, even with a bad or empty body', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/mypage/'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => [method.toUpperCase(), path] as const));
    expect(routes.length).toBeGreaterThan(10);
    const bodies: (RequestInit & { label: string })[] = [
      { label: 'no body', headers: {} },
      { label: 'empty object', body: '{}', headers: { 'content-type': 'application/json' } },
      {
        label: 'wrong types',
        body: '{"name":42,"currentPassword":[]}',
        headers: { 'content-type': 'application/json' },
      },
      { label: 'not JSON', body: '{{{', headers: { 'content-type': 'application/json' } },
      { label: 'text', body: 'hello', headers: { 'content-type': 'text/plain' } },
    ];
    for (const [method, template] of routes) {
      // Path ids that name nothing and would fail any validation.
      const path = template.replace(/\{\w+\}/g, '%20');
      for (const { label, ...init } of bodies) {
        if (method === 'GET' && init.body !== undefined) continue;
        const res = await t.request(path, { ...init, method });
        const text = await res.text();
        expect([method, template, label, res.status, (JSON.parse(text) as { code?: string }).code]).toEqual([
          method,
          template,
          label,
          401,
          'not_signed_in',
        ]);
      }
    }
  });
});

describe('password-policy errors name the field the request used', () => {
  it('puts the policy problems on newPassword for a password change', async () => {
    await registerAndConfirm(t, 'changer2', 'changer2@example.jp', password);
    const browser = new Browser(t);
    await signInFully(t, browser, 'changer2', 'changer2@example.jp', password);
    const res = await browser.send('/api/mypage/password', 'POST', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e: { path: string }) => e.path))).toEqual(new Set(['newPassword']));
    expect(errors.map((e: { code: string }) => e.code)).toContain('password_min_length');
  });

  it('puts the policy problems on newPassword when completing a password reset', async () => {
    await registerAndConfirm(t, 'resetter2', 'resetter2@example.jp', password);
    const res = await t.request('/api/password-resets', json('POST', { loginId: 'resetter2' }));
    expect(res.status).toBe(202);
    // Confirmation, "registration complete", then the reset link and the temporary password.
    const mails = (await mailTo(t, 'resetter2@example.jp', 4)).slice(-2);
    const text = mails.map((m) => m.text).join('\n');
    const token = decodeURIComponent(/\/password-reset\?token=([A-Za-z0-9_%-]+)/.exec(text)![1]!);
    const temporaryPassword = /(?:仮パスワード|is): ([A-Za-z0-9-]{19})/.exec(text)![1]!;
    const weak = await t.request(
      '/api/password-resets/complete',
      json('POST', { token, temporaryPassword, newPassword: 'resetter2-Abc!' }),
    );
    expect(weak.status).toBe(422);
    const { errors } = await weak.json();
    expect(errors).toEqual([expect.objectContaining({ path: 'newPassword', code: 'password_not_login_id' })]);
  });
});
