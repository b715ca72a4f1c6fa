// GET /api/session: a guest hears `member: null` with 200 (no 401 for pages that only ask), a member hears who they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAndSignIn } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
});
afterAll(async () => {
  await t.close();
});

describe('who is signed in', () => {
  it('answers a guest and a stale cookie 200 with null, and a member with their own profile', async () => {
    const guest = await t.request('/api/session');
    expect(guest.status).toBe(200);
    expect(await guest.json()).toEqual({ member: null });
    const stale = await t.request('/api/session', { headers: { cookie: 'keiyaku.session_token=nothing' } });
    expect(await stale.json()).toEqual({ member: null });
    const member = await registerAndSignIn(t, {
      loginId: 'session.ichiro',
      name: '鈴木 一郎',
      email: 'ichiro@example.jp',
    });
    const res = await member.browser.send('/api/session', 'GET');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { member: { id: string; loginId: string; phone: string } };
    expect(body.member).toMatchObject({
      id: member.memberId,
      loginId: 'session.ichiro',
      phone: '+81312345678',
    });
  });
});
