// Read-then-write flows under concurrent twins on PostgreSQL: order-line steps, start dates, the cart limit, the guest cart merge.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { cartItems, carts, orderEvents, orderLines } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  addCartItem,
  CART_ITEM_LIMIT,
  changeLineStartDate,
  confirmLineStart,
  guestCartOwner,
  markLinePreparing,
  mergeGuestCart,
  newCartToken,
  rejectOrderLine,
} from '../../src/modules/ordering/index.js';
import { registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let member: SignedInMember;
const operator = { kind: 'operator' as const, id: 'opr_twins' };

/** Settles each promise into 'ok' or its error code. */
const settle = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  );

const sorted = (values: string[]) => [...values].sort();

describe.skipIf(!process.env.DATABASE_URL)(
  'concurrent twins (PostgreSQL only: PGlite runs one statement at a time, so it would prove nothing)',
  () => {
    beforeAll(async () => {
      t = await createTestApp();
      await t.startWorker();
      await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
      member = await registerAndSignIn(t, {
        loginId: 'twins.member',
        name: '双子 花子',
        email: 'twins@example.jp',
      });
    }, 120_000);
    afterAll(async () => {
      await t?.close();
    });

    async function newLine(): Promise<string> {
      const order = await insertTestOrder(t, {
        memberId: member.memberId,
        lines: [{ productSlug: 'mirai-groupware', plan: 'business', term: '12m', quantity: 5 }],
      });
      return order.lineIds[0]!;
    }

    const step = (orderLineId: string) => ({ orderLineId, actor: operator, now: t.clock.now() });

    it('moves a line to preparing once for 12 operators at once; the rest are told the step is not allowed', async () => {
      const lineId = await newLine();
      const results = await Promise.all(
        Array.from({ length: 12 }, () => settle(markLinePreparing(t.ctx.db, step(lineId)))),
      );
      expect(sorted(results)).toEqual(['ok', ...Array(11).fill('order_line_transition_not_allowed')]);
      const events = await t.ctx.db
        .select()
        .from(orderEvents)
        .where(and(eq(orderEvents.orderLineId, lineId), eq(orderEvents.kind, 'line_status_changed')));
      expect(events.map((e) => [e.fromStatus, e.toStatus])).toEqual([['received', 'preparing']]);
    });

    it('lets one of 6 starts and 6 rejections at once win, with one mail and one audit entry', async () => {
      const lineId = await newLine();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          settle(
            i % 2 === 0
              ? confirmLineStart(t.ctx.db, { ...step(lineId), serviceStartDate: '2026-04-10' })
              : rejectOrderLine(t.ctx.db, { ...step(lineId), reason: '在庫がありません' }),
          ),
        ),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r !== 'ok')).toEqual(Array(11).fill('order_line_transition_not_allowed'));
      const [line] = await t.ctx.db.select().from(orderLines).where(eq(orderLines.id, lineId));
      const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, lineId));
      expect(audits.map((a) => a.action)).toEqual([
        line!.status === 'started' ? 'order.line.started' : 'order.line.rejected',
      ]);
      const mails = await t.ctx.db
        .select()
        .from(outbox)
        .where(eq(outbox.recipient, 'yamada@test-shoji.example.jp'))
        .then((rows) =>
          rows.filter((row) => ['order-line-started', 'order-line-rejected'].includes(row.template)),
        );
      // Only this line has been started or rejected in this file so far: one mail for its one decision.
      expect(mails).toHaveLength(1);
    });

    it('chains 8 start-date changes at once: each one moves the date the one before it left', async () => {
      const lineId = await newLine();
      await confirmLineStart(t.ctx.db, { ...step(lineId), serviceStartDate: '2026-04-10' });
      const dates = [
        '2026-04-13',
        '2026-04-14',
        '2026-04-15',
        '2026-04-16',
        '2026-04-17',
        '2026-04-20',
        '2026-04-21',
        '2026-04-22',
      ];
      const results = await Promise.all(
        dates.map((serviceStartDate) => changeLineStartDate(t.ctx.db, { ...step(lineId), serviceStartDate })),
      );
      const previous = new Map(results.map((r) => [r.serviceStartDate, r.previousDate]));
      // Following each change back from the final date visits every date once and ends at the first one.
      const [line] = await t.ctx.db.select().from(orderLines).where(eq(orderLines.id, lineId));
      const visited: string[] = [];
      for (let date = line!.serviceStartDate!; date !== '2026-04-10'; date = previous.get(date)!)
        visited.push(date);
      expect(sorted(visited)).toEqual(dates);
      const notes = await t.ctx.db
        .select({ note: orderEvents.note })
        .from(orderEvents)
        .where(and(eq(orderEvents.orderLineId, lineId), eq(orderEvents.kind, 'start_date_changed')))
        .orderBy(asc(orderEvents.note));
      expect(notes).toHaveLength(8);
    });

    it('keeps a cart at its limit when 10 items are added at once to a cart one short of it', async () => {
      const owner = guestCartOwner(newCartToken());
      const choice = { product: 'rental-server-x10', plan: 'x10', term: '3m', options: [] };
      for (let i = 0; i < CART_ITEM_LIMIT - 1; i++) {
        await addCartItem(t.ctx.db, { owner, choice, now: t.clock.now() });
      }
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          settle(addCartItem(t.ctx.db, { owner, choice, now: t.clock.now() })),
        ),
      );
      expect(sorted(results)).toEqual([...Array(9).fill('cart_full'), 'ok']);
      const [cart] = await t.ctx.db
        .select()
        .from(carts)
        .where(eq(carts.guestTokenHash, owner.kind === 'guest' ? owner.tokenHash : ''));
      expect(await t.ctx.db.select().from(cartItems).where(eq(cartItems.cartId, cart!.id))).toHaveLength(
        CART_ITEM_LIMIT,
      );
    });

    it('moves a guest cart into the member’s once when 6 sign-ins merge it at the same moment', async () => {
      const token = newCartToken();
      const choice = { product: 'rental-server-x10', plan: 'x10', term: '3m', options: [] };
      for (let i = 0; i < 3; i++)
        await addCartItem(t.ctx.db, { owner: guestCartOwner(token), choice, now: t.clock.now() });
      const moved = await Promise.all(
        Array.from({ length: 6 }, () =>
          mergeGuestCart(t.ctx.db, { memberId: member.memberId, guestToken: token, now: t.clock.now() }),
        ),
      );
      expect(sorted(moved.map(String))).toEqual(['0', '0', '0', '0', '0', '3']);
      const [cart] = await t.ctx.db.select().from(carts).where(eq(carts.memberId, member.memberId));
      expect(await t.ctx.db.select().from(cartItems).where(eq(cartItems.cartId, cart!.id))).toHaveLength(3);
    });
  },
);
