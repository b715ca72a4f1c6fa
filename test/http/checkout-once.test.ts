// One checkout makes one order: whatever Idempotency-Keys, however many at once, the losers are told the order's number.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogProducts, catalogTrialRedemptions } from '../../src/db/schema/catalog.js';
import { members as memberRows } from '../../src/db/schema/identity.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { cartItems, carts, orders } from '../../src/db/schema/ordering.js';
import { provisioningRequests } from '../../src/db/schema/provisioning.js';
import { placeOrder } from '../../src/flows/place-order.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { withdrawMember } from '../../src/modules/identity/auth-index.js';
import { registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let members = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
}, 120_000);
afterAll(async () => {
  await t.close();
});

const groupwareTrial = {
  product: 'mirai-groupware',
  plan: 'business',
  term: 'monthly',
  quantity: 5,
  trial: true,
};
const groupware = { product: 'mirai-groupware', plan: 'business', term: '12m', quantity: 5, options: [] };
const server = { product: 'rental-server-x10', plan: 'x10', term: '3m', options: [] };

/** A new member with `items` in the cart, confirmed: returns the member and the body to place with. */
async function confirmedCheckout(items: object[]) {
  members += 1;
  const member = await registerAndSignIn(t, {
    loginId: `once.member${members}`,
    name: '一度 太郎',
    email: `once${members}@example.jp`,
  });
  for (const item of items) {
    expect((await member.browser.send('/api/store/cart/items', 'POST', item)).status).toBe(201);
  }
  const checkout = await (await member.browser.send('/api/mypage/checkout', 'GET')).json();
  const orderFields: Record<string, Record<string, string>> = {};
  for (const line of checkout.lines as { itemId: string; product: { slug: string } }[]) {
    orderFields[line.itemId] =
      line.product.slug === 'mirai-groupware'
        ? { tenant_domain: `once${members}.example.jp`, admin_email: `admin@once${members}.example.jp` }
        : { server_id: `once-${members}` };
  }
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields,
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c: { documentKey: string; version: string }) => ({
      documentKey: c.documentKey,
      version: c.version,
    })),
  };
  const confirmed = await member.browser.send('/api/mypage/checkout/confirm', 'POST', input);
  expect(confirmed.status).toBe(200);
  return { member, body: { ...input, quote: (await confirmed.json()).quote as string } };
}

function place(member: SignedInMember, body: object, key: string) {
  return member.browser.send('/api/mypage/orders', 'POST', body, { 'idempotency-key': key });
}

/** Everything one placement leaves behind, counted for the member. */
async function leftBehind(member: SignedInMember, email: string) {
  const mine = await t.ctx.db
    .select()
    .from(orders)
    .where(eq(orders.memberId, member.memberId))
    .orderBy(asc(orders.number));
  const requests = [];
  for (const order of mine) {
    requests.push(
      ...(await t.ctx.db
        .select()
        .from(provisioningRequests)
        .where(eq(provisioningRequests.orderId, order.id))),
    );
  }
  const receipts = await t.ctx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.template, 'order-receipt'), eq(outbox.recipient, email)));
  const [cart] = await t.ctx.db.select().from(carts).where(eq(carts.memberId, member.memberId));
  const items = await t.ctx.db.select().from(cartItems).where(eq(cartItems.cartId, cart!.id));
  return { orders: mine, requests, receipts, items };
}

it('answers a second key for an ordered checkout with checkout_already_ordered and the order number', async () => {
  const { member, body } = await confirmedCheckout([groupware]);
  const first = await place(member, body, 'once-a');
  expect(first.status).toBe(201);
  const placed = await first.json();
  const second = await member.browser.send('/api/mypage/orders', 'POST', body, {
    'idempotency-key': 'once-b',
    'accept-language': 'en',
  });
  expect(second.status).toBe(409);
  expect(second.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(await second.json()).toMatchObject({
    code: 'checkout_already_ordered',
    status: 409,
    orderNumber: placed.number,
    detail: `This checkout has already been ordered as order ${placed.number}. No second order was placed.`,
    messages: {
      ja: `このお申し込み内容はすでにご注文 ${placed.number} として承っています。重ねてのご注文はしていません。`,
    },
  });
  // The refusal is the key's answer from now on; the first key still replays the order.
  const again = await place(member, body, 'once-b');
  expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([409, 'true']);
  const retry = await place(member, body, 'once-a');
  expect([retry.status, (await retry.json()).id]).toEqual([201, placed.id]);
  const after = await leftBehind(member, `once${members}@example.jp`);
  expect(after.orders.map((o) => [o.number, o.checkoutQuote])).toEqual([[placed.number, body.quote]]);
  expect(after.requests).toHaveLength(1);
  expect(after.receipts).toHaveLength(1);
  expect(after.items).toEqual([]);
});

it('lets the member order the same product again from a new checkout', async () => {
  const { member, body } = await confirmedCheckout([groupware]);
  expect((await place(member, body, 'again-1')).status).toBe(201);
  expect((await member.browser.send('/api/store/cart/items', 'POST', groupware)).status).toBe(201);
  const checkout = await (await member.browser.send('/api/mypage/checkout', 'GET')).json();
  const input = {
    ...body,
    orderFields: { [checkout.lines[0].itemId]: Object.values(body.orderFields)[0]! },
  };
  const { quote, ...rest } = input;
  const confirmed = await member.browser.send('/api/mypage/checkout/confirm', 'POST', rest);
  const next = (await confirmed.json()).quote as string;
  expect(next).not.toBe(quote);
  expect((await place(member, { ...rest, quote: next }, 'again-2')).status).toBe(201);
  expect((await leftBehind(member, `once${members}@example.jp`)).orders).toHaveLength(2);
});

describe.skipIf(!process.env.DATABASE_URL)(
  'many requests at once (PostgreSQL only: PGlite runs one request at a time, so it would prove nothing)',
  () => {
    it('makes one order, one provisioning request, one receipt and one trial from 24 requests with 24 keys', async () => {
      const { member, body } = await confirmedCheckout([groupwareTrial, server]);
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) => place(member, body, `many-keys-${i}`)),
      );
      const bodies = await Promise.all(answers.map((a) => a.json()));
      const won = bodies.filter((_, i) => answers[i]!.status === 201);
      expect(won).toHaveLength(1);
      const number = won[0].number as string;
      const lost = bodies.filter((_, i) => answers[i]!.status !== 201);
      expect(lost.map((b) => [b.status, b.code, b.orderNumber])).toEqual(
        Array.from({ length: 23 }, () => [409, 'checkout_already_ordered', number]),
      );
      const after = await leftBehind(member, `once${members}@example.jp`);
      expect(after.orders.map((o) => o.number)).toEqual([number]);
      // The store's own server line waits for an operator: one request, for the provider's line only.
      expect(after.requests).toHaveLength(1);
      expect(after.receipts).toHaveLength(1);
      expect(after.receipts[0]!.payload).toMatchObject({ orderNumber: number });
      expect(after.items).toEqual([]);
      const [product] = await t.ctx.db
        .select()
        .from(catalogProducts)
        .where(eq(catalogProducts.slug, 'mirai-groupware'));
      const trials = await t.ctx.db
        .select()
        .from(catalogTrialRedemptions)
        .where(
          and(
            eq(catalogTrialRedemptions.memberId, member.memberId),
            eq(catalogTrialRedemptions.productId, product!.id),
          ),
        );
      expect(trials.map((r) => r.orderId)).toEqual([won[0].id]);
    });

    it('never both places an order and withdraws the member: 8 members each withdraw while their order is placed', async () => {
      const racers = [];
      for (let i = 0; i < 8; i++) racers.push(await confirmedCheckout([groupware]));
      /** The outcome of a call: `ok`, or the code it was refused with. */
      const settle = (p: Promise<unknown>) =>
        p.then(
          () => 'ok',
          (error: { code?: string }) => error.code ?? String(error),
        );
      const outcomes = await Promise.all(
        racers.map(({ member, body }) => {
          const { quote, ...checkout } = body;
          // Called directly: over HTTP the withdrawal would end the session and the placement would be a 401.
          const placing = settle(
            placeOrder(t.ctx.db, {
              memberId: member.memberId,
              idempotencyKey: `withdrawal-race-${member.memberId}`,
              checkout: checkout as never,
              quote,
              actor: { kind: 'member', id: member.memberId },
              now: t.clock.now(),
            }),
          );
          const withdrawing = settle(
            withdrawMember(t.ctx.db, t.ctx.withdrawalBlockers, {
              memberId: member.memberId,
              reason: 'self',
              actor: { kind: 'member', id: member.memberId },
              now: t.clock.now(),
            }),
          );
          return Promise.all([placing, withdrawing]);
        }),
      );
      const allowed = [
        JSON.stringify([
          ['ok', 'withdrawal_blocked'],
          ['active', 1],
        ]),
        JSON.stringify([
          ['order_member_not_active', 'ok'],
          ['withdrawn', 0],
        ]),
      ];
      const seen: string[] = [];
      for (const [i, { member }] of racers.entries()) {
        const [row] = await t.ctx.db.select().from(memberRows).where(eq(memberRows.id, member.memberId));
        const placed = await t.ctx.db.select().from(orders).where(eq(orders.memberId, member.memberId));
        seen.push(JSON.stringify([outcomes[i], [row!.status, placed.length]]));
      }
      // Whichever takes the member's row lock first decides; the other is refused with its reason, never both pass.
      expect(seen.filter((outcome) => !allowed.includes(outcome))).toEqual([]);
    });

    it('makes one order from 24 requests with one key: the rest replay it or hear it is still running', async () => {
      const { member, body } = await confirmedCheckout([groupware]);
      const answers = await Promise.all(Array.from({ length: 24 }, () => place(member, body, 'one-key')));
      const bodies = await Promise.all(answers.map((a) => a.json()));
      const after = await leftBehind(member, `once${members}@example.jp`);
      expect(after.orders).toHaveLength(1);
      const order = after.orders[0]!;
      for (const [i, answer] of answers.entries()) {
        if (answer.status === 201) expect(bodies[i].id).toBe(order.id);
        else expect([answer.status, bodies[i].code]).toEqual([409, 'idempotency_request_in_progress']);
      }
      expect(
        answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null),
      ).toHaveLength(1);
      expect(after.requests).toHaveLength(1);
      expect(after.receipts).toHaveLength(1);
    });

    it('makes one order from 12 keys sent twice each, all at once', async () => {
      const { member, body } = await confirmedCheckout([groupware]);
      const keys = Array.from({ length: 24 }, (_, i) => `pair-${i % 12}`);
      const answers = await Promise.all(keys.map((key) => place(member, body, key)));
      const bodies = await Promise.all(answers.map((a) => a.json()));
      const after = await leftBehind(member, `once${members}@example.jp`);
      expect(after.orders).toHaveLength(1);
      const order = after.orders[0]!;
      for (const [i, answer] of answers.entries()) {
        const b = bodies[i];
        if (answer.status === 201) expect(b.id).toBe(order.id);
        else if (b.code === 'checkout_already_ordered') expect(b.orderNumber).toBe(order.number);
        else expect([answer.status, b.code]).toEqual([409, 'idempotency_request_in_progress']);
      }
      expect(after.requests).toHaveLength(1);
      expect(after.receipts).toHaveLength(1);
    });
  },
);
