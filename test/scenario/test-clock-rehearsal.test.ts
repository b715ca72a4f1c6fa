// A rehearsal through the store clock: moving it past a withdrawn member's anonymisation date does the sweep before answering.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { members } from '../../src/db/schema/identity.js';
import { travel } from '../helpers/member-browser.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { TEST_PASSWORD } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('rehearsing a year with the store clock', () => {
  let t: TestApp;
  let owner: SignedInOperator;
  /** Whether the member was already anonymised each time the move dispatched the outbox. */
  const anonymisedAtDispatch: boolean[] = [];
  let memberId: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    travel(t, '2026-04-01T09:00:00+09:00');
    const { worker } = await t.startWorker();
    owner = await operatorSignedIn(t, 'rehearsal.owner', ['owner']);
    // Watches the move's own dispatch (the worker's timer dispatches too, but not through ctx.jobs).
    t.ctx.jobs = {
      async dispatchNow() {
        const [row] = await t.ctx.db
          .select({ anonymisedAt: members.anonymisedAt })
          .from(members)
          .where(eq(members.id, memberId));
        anonymisedAtDispatch.push(row?.anonymisedAt !== null && row?.anonymisedAt !== undefined);
        return worker.dispatchNow();
      },
    };
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  const move = async (to: string) => {
    const res = await owner.browser.send('/api/admin/test-clock', 'POST', { to });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const anonymisedAt = async () =>
    (
      await t.ctx.db
        .select({ anonymisedAt: members.anonymisedAt, loginId: members.loginId, name: members.name })
        .from(members)
        .where(eq(members.id, memberId))
    )[0];

  it('anonymises a withdrawn member exactly when the clock reaches the due date, before the move answers', async () => {
    const member = await registerAndSignIn(t, {
      loginId: 'rehearsal.member',
      name: '予行 太郎',
      email: 'rehearsal@example.jp',
    });
    memberId = member.memberId;
    travel(t, '2026-04-01T09:00:00+09:00');
    const withdrawal = await member.browser.send('/api/mypage/withdrawal', 'POST', {
      password: TEST_PASSWORD,
      confirm: true,
    });
    expect(withdrawal.status).toBe(200);
    const [due] = await t.ctx.db
      .select({ anonymiseDueAt: members.anonymiseDueAt })
      .from(members)
      .where(eq(members.id, memberId));
    // 365 days of retention (the store default) after the withdrawal at 2026-04-01 09:00 JST.
    expect(due?.anonymiseDueAt?.toISOString()).toBe('2027-04-01T00:00:00.000Z');

    const before = await move('2027-04-01T08:59:59+09:00');
    expect(before.status).toBe(200);
    expect(before.body.sweeps).toEqual([
      { name: 'contracts.trials', count: 0 },
      { name: 'contracts.renewals', count: 0 },
      { name: 'contracts.changes', count: 0 },
      { name: 'contracts.end', count: 0 },
      { name: 'members.anonymise', count: 0 },
      { name: 'billing.issue_invoices', count: 0 },
      { name: 'billing.invoice_notices', count: 0 },
      { name: 'billing.documents', count: 0 },
      { name: 'licences.validations_prune', count: 0 },
    ]);
    expect(await anonymisedAt()).toEqual({
      anonymisedAt: null,
      loginId: 'rehearsal.member',
      name: '予行 太郎',
    });

    const after = await move('2027-04-01T09:00:00+09:00');
    expect(after.status).toBe(200);
    expect(after.body).toEqual({
      from: '2027-03-31T23:59:59Z',
      now: '2027-04-01T00:00:00Z',
      offsetMs: 365 * 86_400_000,
      sweeps: [
        { name: 'contracts.trials', count: 0 },
        { name: 'contracts.renewals', count: 0 },
        { name: 'contracts.changes', count: 0 },
        { name: 'contracts.end', count: 0 },
        { name: 'members.anonymise', count: 1 },
        { name: 'billing.issue_invoices', count: 0 },
        { name: 'billing.invoice_notices', count: 0 },
        { name: 'billing.documents', count: 0 },
        { name: 'licences.validations_prune', count: 0 },
      ],
      dispatched: expect.any(Number),
    });
    // Done when the answer came, not by the worker's timer later.
    expect(await anonymisedAt()).toEqual({
      anonymisedAt: new Date('2027-04-01T00:00:00.000Z'),
      loginId: '',
      name: '',
    });
    // The outbox was dispatched after the sweeps, once per move.
    expect(anonymisedAtDispatch).toEqual([false, true]);
  });

  it('lets members sign in and use My Page at the moved time (sessions are dated by the store clock)', async () => {
    const member = await registerAndSignIn(t, {
      loginId: 'after.move',
      name: '移動 後子',
      email: 'after.move@example.jp',
    });
    const me = await member.browser.send('/api/mypage/me', 'GET');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { loginId: string }).loginId).toBe('after.move');
  });
});
