// The rehearsal store clock over HTTP: owner-only moves, never backwards, persisted for every node, audited, 404 when off.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { storeClock } from '../../src/db/schema/store.js';
import { StoreClock } from '../../src/domain/clock.js';
import { loadStoreClock } from '../../src/modules/store/index.js';
import { travel } from '../helpers/member-browser.js';
import { Browser } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const DAY_MS = 86_400_000;

async function answer(res: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('with KEIYAKU_TEST_CLOCK=1', () => {
  let t: TestApp;
  let owner: SignedInOperator;
  let support: SignedInOperator;
  let billing: SignedInOperator;
  let catalog: SignedInOperator;

  beforeAll(async () => {
    t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
    // better-auth reads Date.now(); it travels with the base clock (only Date is faked, timers run for real).
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    travel(t, '2026-04-01T09:00:00+09:00');
    await t.startWorker();
    owner = await operatorSignedIn(t, 'clock.owner', ['owner']);
    support = await operatorSignedIn(t, 'clock.support', ['support']);
    billing = await operatorSignedIn(t, 'clock.billing', ['billing']);
    catalog = await operatorSignedIn(t, 'clock.catalog', ['catalog']);
    // The base clock stands still from here, so every store time below is exact.
    travel(t, '2026-04-01T09:00:00+09:00');
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  const moves = async () =>
    (await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'store.test_clock.move'))).sort(
      (a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id),
    );

  it('asks for an operator session, and shows every operator the store time', async () => {
    expect((await answer(await new Browser(t).send('/api/admin/test-clock', 'GET'))).status).toBe(401);
    for (const who of [support, billing, catalog, owner]) {
      expect(await answer(await who.browser.send('/api/admin/test-clock', 'GET'))).toEqual({
        status: 200,
        body: { now: '2026-04-01T00:00:00Z', offsetMs: 0, refreshMs: 2000 },
      });
    }
  });

  it('lets only the owner move it: support, billing and catalog get 403 and nothing changes', async () => {
    expect(
      (
        await answer(
          await new Browser(t).send('/api/admin/test-clock', 'POST', { to: '2026-05-01T09:00:00+09:00' }),
        )
      ).status,
    ).toBe(401);
    for (const who of [support, billing, catalog]) {
      const res = await answer(
        await who.browser.send('/api/admin/test-clock', 'POST', { to: '2026-05-01T09:00:00+09:00' }),
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('operator_forbidden');
    }
    expect(await t.ctx.db.select().from(storeClock)).toEqual([]);
    expect(t.ctx.clock.now().toString()).toBe('2026-04-01T00:00:00Z');
    expect(await moves()).toEqual([]);
  });

  it('refuses a time without an offset with invalid_instant (422), changing nothing', async () => {
    for (const to of ['2026-05-01', '2026-05-01T09:00:00', 'tomorrow']) {
      const res = await answer(await owner.browser.send('/api/admin/test-clock', 'POST', { to }));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('invalid_instant');
      expect(res.body.messages).toEqual({
        ja: `日時 "${to}" は 2027-04-01T09:00:00+09:00 のように時差付きで指定してください。`,
        en: `"${to}" is not a date and time with an offset, such as 2027-04-01T09:00:00+09:00.`,
      });
    }
    expect(await t.ctx.db.select().from(storeClock)).toEqual([]);
  });

  it('moves forward for the owner, runs every sweep, persists the offset and audits the move', async () => {
    const res = await answer(
      await owner.browser.send('/api/admin/test-clock', 'POST', { to: '2026-05-01T09:00:00+09:00' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2026-04-01T00:00:00Z',
      now: '2026-05-01T00:00:00Z',
      offsetMs: 30 * DAY_MS,
      sweeps: [
        { name: 'contracts.trials', count: 0 },
        { name: 'contracts.renewals', count: 0 },
        { name: 'contracts.changes', count: 0 },
        { name: 'contracts.end', count: 0 },
        { name: 'members.anonymise', count: 0 },
        { name: 'billing.issue_invoices', count: 0 },
        { name: 'billing.invoice_notices', count: 0 },
        { name: 'billing.documents', count: 0 },
        { name: 'licences.validations_prune', count: 0 },
      ],
      dispatched: expect.any(Number),
    });
    expect(t.ctx.clock.now().toString()).toBe('2026-05-01T00:00:00Z');
    // The base clock did not move: only the store's time did.
    expect(t.clock.now().toString()).toBe('2026-04-01T00:00:00Z');
    const [row] = await t.ctx.db.select().from(storeClock);
    expect(row?.offsetMs).toBe(30 * DAY_MS);
    const audit = await moves();
    expect(audit.map((a) => [a.actorKind, a.actorId, a.targetType, a.targetId, a.before, a.after])).toEqual([
      [
        'operator',
        owner.operatorId,
        'store_clock',
        '1',
        { now: '2026-04-01T00:00:00Z', offsetMs: 0 },
        { now: '2026-05-01T00:00:00Z', offsetMs: 30 * DAY_MS },
      ],
    ]);
    expect(audit[0]?.at.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(await answer(await support.browser.send('/api/admin/test-clock', 'GET'))).toEqual({
      status: 200,
      body: { now: '2026-05-01T00:00:00Z', offsetMs: 30 * DAY_MS, refreshMs: 2000 },
    });
  });

  it('never goes backwards: an earlier time is test_clock_backwards (409) and changes nothing', async () => {
    const res = await answer(
      await owner.browser.send(
        '/api/admin/test-clock',
        'POST',
        { to: '2026-04-30T09:00:00+09:00' },
        { 'accept-language': 'en' },
      ),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('test_clock_backwards');
    expect(res.body.messages).toEqual({
      ja: 'ストアの時計は進めることしかできません（現在 2026-05-01 09:00:00 (JST)、指定 2026-04-30 09:00:00 (JST)）。',
      en: 'The store clock only moves forward (now 2026-05-01 09:00:00 (JST), asked for 2026-04-30 09:00:00 (JST)).',
    });
    expect(res.body.detail).toBe(
      'The store clock only moves forward (now 2026-05-01 09:00:00 (JST), asked for 2026-04-30 09:00:00 (JST)).',
    );
    expect(t.ctx.clock.now().toString()).toBe('2026-05-01T00:00:00Z');
    expect((await t.ctx.db.select().from(storeClock))[0]?.offsetMs).toBe(30 * DAY_MS);
    expect(await moves()).toHaveLength(1);
    // The same time again is not backwards.
    expect(
      (
        await answer(
          await owner.browser.send('/api/admin/test-clock', 'POST', { to: '2026-05-01T00:00:00Z' }),
        )
      ).status,
    ).toBe(200);
    expect(await moves()).toHaveLength(2);
  });

  it('keeps the store time across a restart and on every node: a new clock reads the persisted offset', async () => {
    const otherNode = new StoreClock(t.clock);
    expect(otherNode.now().toString()).toBe('2026-04-01T00:00:00Z');
    await loadStoreClock(t.ctx.db, otherNode);
    expect(otherNode.now().toString()).toBe('2026-05-01T00:00:00Z');
    expect(otherNode.offsetMilliseconds).toBe(30 * DAY_MS);
    // Real time goes on under the offset: the store time keeps running from where it was moved.
    t.clock.advance({ hours: 1 });
    expect(otherNode.now().toString()).toBe('2026-05-01T01:00:00Z');
    expect(t.ctx.clock.now().toString()).toBe('2026-05-01T01:00:00Z');
    t.clock.travelTo('2026-04-01T09:00:00+09:00');
  });

  it.skipIf(!onPostgres)(
    'two owners moving at once never take the store back (concurrent twins; PostgreSQL only, PGlite has one connection)',
    async () => {
      const second = await operatorSignedIn(t, 'clock.owner2', ['owner']);
      travel(t, '2026-04-01T09:00:00+09:00');
      const [early, late] = await Promise.all([
        owner.browser.send('/api/admin/test-clock', 'POST', { to: '2026-06-01T00:00:00Z' }),
        second.browser.send('/api/admin/test-clock', 'POST', { to: '2026-07-01T00:00:00Z' }),
      ]);
      // Whichever went first, the later time wins and the earlier one is either applied first or refused.
      expect(late.status).toBe(200);
      expect([200, 409]).toContain(early.status);
      expect((await t.ctx.db.select().from(storeClock))[0]?.offsetMs).toBe(91 * DAY_MS);
      const audit = await moves();
      expect(audit.at(-1)?.after).toEqual({ now: '2026-07-01T00:00:00Z', offsetMs: 91 * DAY_MS });
      // Two moves before this test, then one or both of these.
      expect(audit).toHaveLength(early.status === 200 ? 4 : 3);
    },
  );
});

describe('without KEIYAKU_TEST_CLOCK', () => {
  let t: TestApp;
  let owner: SignedInOperator;

  beforeAll(async () => {
    t = await createTestApp();
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    travel(t, '2026-04-01T09:00:00+09:00');
    await t.startWorker();
    owner = await operatorSignedIn(t, 'plain.owner', ['owner']);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it('has no store clock: GET and POST are 404 not_found even for the owner, and nothing is written', async () => {
    const get = await answer(await owner.browser.send('/api/admin/test-clock', 'GET'));
    expect(get.status).toBe(404);
    expect(get.body.code).toBe('not_found');
    const post = await answer(
      await owner.browser.send('/api/admin/test-clock', 'POST', { to: '2027-04-01T09:00:00+09:00' }),
    );
    expect(post.status).toBe(404);
    expect(post.body.code).toBe('not_found');
    expect(await t.ctx.db.select().from(storeClock)).toEqual([]);
    expect(
      await t.ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'store.test_clock.move'))
        .orderBy(asc(auditLog.id)),
    ).toEqual([]);
  });
});
