// Placing an order is idempotent: retries replay the order, and concurrent twins on PostgreSQL make exactly one.
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderNumberCounters, orders } from '../../src/db/schema/ordering.js';
import { placeOrder } from '../../src/flows/place-order.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let member: SignedInMember;
const rental = { product: 'rental-server-x10', plan: 'x10', term: '3m', options: [] };

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  member = await registerAndSignIn(t, {
    loginId: 'twin.member',
    name: '双子 太郎',
    email: 'twin@example.jp',
  });
});
afterAll(async () => {
  await t.close();
});

/** Puts the server in the cart and confirms; returns the body to place with. */
async function confirmedBody() {
  expect((await member.browser.send('/api/store/cart/items', 'POST', rental)).status).toBe(201);
  const checkout = await (await member.browser.send('/api/mypage/checkout', 'GET')).json();
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: { [checkout.lines[0].itemId]: { server_id: 'twin-01' } },
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c: { documentKey: string; version: string }) => ({
      documentKey: c.documentKey,
      version: c.version,
    })),
  };
  const confirmed = await member.browser.send('/api/mypage/checkout/confirm', 'POST', input);
  expect(confirmed.status).toBe(200);
  return { ...input, quote: (await confirmed.json()).quote as string };
}

const ordersOf = async () => t.ctx.db.select().from(orders).where(eq(orders.memberId, member.memberId));

it('needs an Idempotency-Key and replays the first answer to a retry with the same key', async () => {
  const body = await confirmedBody();
  const missing = await member.browser.send('/api/mypage/orders', 'POST', body);
  expect(missing.status).toBe(400);
  expect((await missing.json()).code).toBe('idempotency_key_missing');
  const first = await member.browser.send('/api/mypage/orders', 'POST', body, {
    'idempotency-key': 'retry-1',
  });
  expect(first.status).toBe(201);
  const placed = await first.json();
  const retry = await member.browser.send('/api/mypage/orders', 'POST', body, {
    'idempotency-key': 'retry-1',
  });
  expect(retry.status).toBe(201);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect((await retry.json()).id).toBe(placed.id);
  expect(await ordersOf()).toHaveLength(1);
});

describe.skipIf(!process.env.DATABASE_URL)(
  'concurrent identical requests (PostgreSQL only: PGlite runs one request at a time, so it would prove nothing)',
  () => {
    it('make one order when the flow runs on several connections at once; the unique index decides', async () => {
      const body = await confirmedBody();
      const { quote, ...checkout } = body;
      const year = 2026;
      await t.ctx.db.insert(orderNumberCounters).values({ year, lastSequence: 100 }).onConflictDoNothing();
      // Hold the year's counter row, so every twin stops inside its transaction at the number, at once.
      const holder = new pg.Client({ connectionString: t.database.url! });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM order_number_counters WHERE year = $1 FOR UPDATE', [year]);
      const twins = Array.from({ length: 4 }, () =>
        placeOrder(t.ctx.db, {
          memberId: member.memberId,
          idempotencyKey: 'twin-key',
          checkout,
          quote,
          actor: { kind: 'member', id: member.memberId },
          now: t.clock.now(),
        }),
      );
      let waiting = 0;
      for (let i = 0; i < 2400 && waiting < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        const { rows } = await holder.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        waiting = Number(rows[0]!.n);
      }
      expect(waiting).toBeGreaterThanOrEqual(2);
      await holder.query('COMMIT');
      await holder.end();
      const results = await Promise.all(twins);
      expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const mine = await ordersOf();
      expect(mine.filter((o) => o.idempotencyKey === 'twin-key')).toHaveLength(1);
      // The losers' numbers rolled back with them: the next order takes the next number.
      expect(results[0]!.order.number).toBe('K2026-000002');
    });

    it('make one order through HTTP: the twin is told the first is still running', async () => {
      const body = await confirmedBody();
      const send = () =>
        member.browser.send('/api/mypage/orders', 'POST', body, { 'idempotency-key': 'http-twins' });
      const answers = await Promise.all([send(), send(), send()]);
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect((await ordersOf()).filter((o) => o.idempotencyKey === 'http-twins')).toHaveLength(1);
    });
  },
);
