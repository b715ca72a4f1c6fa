// Every failure answers with a problem document, and a refused request writes nothing.
import { createRoute, z } from '@hono/zod-openapi';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { recordAudit } from '../../src/modules/audit/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

async function notesWritten(): Promise<number> {
  const [row] = await t.ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'test.note'));
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp({
    env: { BODY_LIMIT_BYTES: '2048' },
    // A writing route like every real one: zod-validated body, then a write.
    extraRoutes: (app) =>
      app.openapi(
        createRoute({
          method: 'post',
          path: '/api/test/notes',
          request: {
            body: {
              content: {
                'application/json': {
                  schema: z.object({ text: z.string().min(3), amount: z.number().int() }),
                },
              },
            },
          },
          responses: { 201: { description: 'written' } },
        }),
        async (c) => {
          const body = c.req.valid('json');
          await recordAudit(c.get('ctx').db, {
            actor: { kind: 'system', id: null },
            action: 'test.note',
            targetType: 'note',
            targetId: body.text,
            at: c.get('ctx').clock.now(),
          });
          return c.body(null, 201);
        },
      ),
  });
});
afterAll(() => t.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  t.request('/api/test/notes', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('problem documents', () => {
  it('answers an unknown API route with 404 not_found', async () => {
    const res = await t.request('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = await res.json();
    expect(body).toMatchObject({
      type: 'urn:keiyaku:problem:not_found',
      status: 404,
      code: 'not_found',
      title: 'ページが見つかりません。',
      messages: { ja: 'ページが見つかりません。', en: 'Not found.' },
      instance: '/api/no-such-thing',
    });
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('speaks English to a client that prefers it', async () => {
    const res = await t.request('/api/no-such-thing', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect((await res.json()).title).toBe('Not found.');
  });

  it('answers malformed JSON with 400 malformed_json and writes nothing', async () => {
    const res = await post('{"text": "abc",');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('malformed_json');
    expect(body.messages.ja).toBe('リクエスト本文が正しいJSONではありません。');
    expect(await notesWritten()).toBe(0);
  });

  it('answers an oversized body with 413 payload_too_large and writes nothing', async () => {
    const res = await post(JSON.stringify({ text: 'x'.repeat(5000), amount: 1 }));
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.code).toBe('payload_too_large');
    expect(body.messages.en).toBe('The request body is too large (limit 2048 bytes).');
    expect(await notesWritten()).toBe(0);
  });

  it('answers invalid fields with 422 listing each field and writes nothing', async () => {
    const res = await post(JSON.stringify({ text: 'ab', amount: 1.5 }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.messages).toEqual({ ja: '入力内容に誤りがあります。', en: 'Some fields are invalid.' });
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['amount', 'text']);
    const text = body.errors.find((e: { path: string }) => e.path === 'text');
    expect(text.code).toBe('too_small');
    expect(text.message.ja).toBe('3文字以上で入力してください。');
    expect(await notesWritten()).toBe(0);
  });

  it('writes when the request is good, so the refusals above were real', async () => {
    const res = await post(JSON.stringify({ text: 'hello', amount: 3 }));
    expect(res.status).toBe(201);
    expect(await notesWritten()).toBe(1);
  });

  it('sends the security headers and a strict script policy', async () => {
    const res = await t.request('/healthz');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
