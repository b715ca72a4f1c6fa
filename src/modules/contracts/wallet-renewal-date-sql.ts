// The wallet automatic-renewal date (`walletAutoRenewalDate`) as a SQL expression, so the sweep finds due contracts in one query.
import { type SQL, sql } from 'drizzle-orm';

/**
 * The member's renewal day in the month of the term's last day, or in the month before when that day
 * falls after the term end; the same rule as `walletAutoRenewalDate` (the days 5–25 exist in every
 * month). `termEnd` and `day` are SQL of a date and an integer.
 */
export function walletRenewalDateSql(termEnd: SQL, day: SQL): SQL {
  return sql`((date_trunc('month', ${termEnd})
      - case when ${day} > extract(day from ${termEnd}) then interval '1 month' else interval '0 months' end
    )::date + (${day} - 1))`;
}
