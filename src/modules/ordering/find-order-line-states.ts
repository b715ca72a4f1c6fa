// Reads where order lines stand (status, start date, rejection reason), and filters other tables' rows by their line's status.
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { orderLines } from '../../db/schema/ordering.js';
import type { OrderLineStatus } from '../../domain/orders.js';

export interface OrderLineState {
  status: OrderLineStatus;
  serviceStartDate: string | null;
  rejectionReason: string | null;
}

/** The state of each line among `lineIds`, by id. */
export async function findOrderLineStates(
  db: DbOrTx,
  lineIds: readonly string[],
): Promise<Map<string, OrderLineState>> {
  const ids = [...new Set(lineIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: orderLines.id,
      status: orderLines.status,
      serviceStartDate: orderLines.serviceStartDate,
      rejectionReason: orderLines.rejectionReason,
    })
    .from(orderLines)
    .where(inArray(orderLines.id, ids));
  return new Map(rows.map(({ id, ...state }) => [id, state]));
}

/** A condition for another module's query: `lineIdColumn` names an order line whose status is one of these. */
export function orderLineStatusIn(lineIdColumn: AnyPgColumn, statuses: readonly OrderLineStatus[]): SQL {
  return sql`${lineIdColumn} in (select ${orderLines.id} from ${orderLines} where ${inArray(orderLines.status, [...statuses])})`;
}
