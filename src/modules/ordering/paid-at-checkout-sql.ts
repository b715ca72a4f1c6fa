// Whether an order was charged when it was placed, as a SQL expression, so billing can read it for many contracts in one statement.
import { type SQL, sql } from 'drizzle-orm';

/** The payment methods charged at checkout (the card is authorised and captured, the wallet debited), not invoiced after. */
export const paidAtCheckoutMethods = ['card', 'wallet'] as const;

/**
 * True when the order `orderId` (SQL of a text) was placed with a method charged at checkout, so the first
 * term of its lines was paid then. The order's method as placed is read, never the contract's current one,
 * which a member may change later.
 */
export function orderPaidAtCheckoutSql(orderId: SQL): SQL {
  return sql`exists (select 1 from orders o where o.id = ${orderId} and o.payment_method in ('card', 'wallet'))`;
}
