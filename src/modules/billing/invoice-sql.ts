// SQL pieces the close shares: ids made in the database, the tax of a rate sum, raw statements on either driver.
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { TaxRounding } from '../../domain/tax.js';

/** Runs a statement and returns its rows (both drivers answer with `rows`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A prefixed UUIDv7-shaped id made per row in SQL (`inv_…`), the same form `newId` makes in code: the
 * millisecond clock first, then random bits. `seed` must name a column of the row so that the random
 * part is drawn per row, never once for a whole statement.
 */
export function idSql(prefix: string, seed: SQL): SQL {
  return sql`(select ${prefix} || '_' || substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(r, 1, 3)
      || '-8' || substr(r, 4, 3) || '-' || substr(r, 7, 12)
    from (select lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') as h,
                 md5(random()::text || ${seed}) as r) g)`;
}

/** What the database adds before dividing by 100 so that integer division floors, rounds half up or ceils. */
export function roundingAddend(rounding: TaxRounding): number {
  return rounding === 'floor' ? 0 : rounding === 'round' ? 50 : 99;
}

/**
 * The tax of one rate's tax-exclusive sum, rounded once, in SQL: the same arithmetic as `taxOn` (on the
 * absolute value, sign kept), so the close and the domain agree to the yen.
 */
export function taxSql(amount: SQL, percent: number, rounding: TaxRounding): SQL {
  const addend = roundingAddend(rounding);
  const p = sql.raw(String(percent));
  const k = sql.raw(String(addend));
  // bigint integer division truncates towards zero, so the absolute value is divided and the sign put back.
  return sql`(case when ${amount} < 0 then -((-(${amount}) * ${p} + ${k}) / 100) else (${amount} * ${p} + ${k}) / 100 end)::bigint`;
}
