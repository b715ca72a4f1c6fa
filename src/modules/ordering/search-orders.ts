// The operators' order list: search by order number, member, status and order date, newest first, paged.
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { orders } from '../../db/schema/ordering.js';
import { STORE_TIME_ZONE } from '../../domain/clock.js';
import { findMemberContacts, memberMatching } from '../identity/index.js';

export interface SearchOrdersInput {
  /** Part of an order number, ignoring case. */
  number?: string | undefined;
  /** A member id, or part of the member's login ID, name, company or email. */
  member?: string | undefined;
  status?: (typeof orders.$inferSelect)['status'] | undefined;
  /** Order dates (Asia/Tokyo), both inclusive. */
  placedFrom?: Temporal.PlainDate | undefined;
  placedTo?: Temporal.PlainDate | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface OrderListItem {
  id: string;
  number: string;
  status: (typeof orders.$inferSelect)['status'];
  member: { id: string; loginId: string; name: string; companyName: string | null };
  totalAmount: number;
  paymentMethod: string;
  placedAt: Date;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The start of a Tokyo day as an instant, for comparing with `placed_at`. */
function startOfDay(date: Temporal.PlainDate): Date {
  return new Date(date.toZonedDateTime({ timeZone: STORE_TIME_ZONE }).epochMilliseconds);
}

/** A page of matching orders (50 by default, at most 200) and the number of matches. */
export async function searchOrders(
  db: DbOrTx,
  input: SearchOrdersInput = {},
): Promise<{ items: OrderListItem[]; total: number }> {
  const conditions: SQL[] = [];
  const number = input.number?.trim();
  if (number) conditions.push(ilike(orders.number, likePattern(number)));
  const member = input.member?.trim();
  if (member) {
    const pattern = likePattern(member);
    const anyField = or(eq(orders.memberId, member), memberMatching(orders.memberId, pattern));
    if (anyField) conditions.push(anyField);
  }
  if (input.status) conditions.push(eq(orders.status, input.status));
  if (input.placedFrom) conditions.push(gte(orders.placedAt, startOfDay(input.placedFrom)));
  if (input.placedTo) conditions.push(lt(orders.placedAt, startOfDay(input.placedTo.add({ days: 1 }))));
  const where = conditions.length ? and(...conditions) : undefined;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(orders).where(where);
  const memberContacts = await findMemberContacts(
    db,
    rows.map((row) => row.memberId),
  );
  return {
    total: total?.n ?? 0,
    // Every order has its member (a foreign key): the filter only narrows the type.
    items: rows
      .flatMap((order) => {
        const m = memberContacts.get(order.memberId);
        return m ? [{ order, m }] : [];
      })
      .map(({ order, m }) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        member: { id: m.id, loginId: m.loginId, name: m.name, companyName: m.companyName },
        totalAmount: Number(order.totalAmount),
        paymentMethod: order.paymentMethod,
        placedAt: order.placedAt,
      })),
  };
}
