// The renewal a contract's term was taken with, as a lateral SQL join, so billing reads what was paid for which term in one statement.
import { type SQL, sql } from 'drizzle-orm';

/**
 * `left join lateral (…) <alias> on true` giving, for the contract `contractId` and the term beginning on
 * `termStart` (SQL of a text and a date), the renewal taken for that term if any (not cancelled; the
 * unique index allows one): `<alias>.paid` (true once paid: a manual renewal whose payment an operator
 * recorded, or a wallet contract's automatic renewal charged on its renewal day) and `<alias>.pricing`
 * (the term's price snapshot as quoted or charged). Both are null when no renewal exists for the term.
 */
export function renewalOfTermSql(contractId: SQL, termStart: SQL, alias: string): SQL {
  return sql`left join lateral (
      select r.status = 'paid' as paid, r.pricing
      from contract_renewals r
      where r.contract_id = ${contractId} and r.term_start = ${termStart} and r.status <> 'cancelled'
      limit 1) ${sql.raw(alias)} on true`;
}
