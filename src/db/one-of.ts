// CHECK constraints written from the status lists in src/domain, so a list is written once.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** `column in ('a', 'b', …)` for a CHECK constraint; the values are code from src/domain, never input. */
export function isOneOf(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;
}
