// The automatic renewal of a batch of due contracts (card, wallet, direct debit): same term and options, or the member's next-term change, at the catalog's current price.
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { ContractNextTerm } from '../../db/schema/contracts.js';
import { nextTermStart, termEndDate } from '../../domain/contract-rules.js';
import { priceTerms, type TermChoice, termChoiceKey } from './price-contract-term.js';
import { queryRows } from './query-rows.js';
import { writeRenewals } from './write-renewals.js';

interface DueRow {
  id: string;
  product_id: string;
  plan: string;
  term: string;
  quantity: number;
  options: { code: string; quantity?: number }[];
  next_term: ContractNextTerm | null;
  current_term_end: string;
}

/**
 * Renews up to `limit` contracts whose term ended before `today` and that renew automatically, in the
 * caller's transaction, with a handful of statements whatever the batch size: one locking read (rows
 * another node holds are skipped), the catalog priced once per distinct choice, and one write for the
 * rows, history and events (`writeRenewals`). A contract far behind (a rehearsal jumping a year) is
 * renewed one term per batch, so the caller repeats until nothing is due. Returns the contracts renewed.
 */
export async function renewDueContracts(
  tx: DbOrTx,
  input: { today: Temporal.PlainDate; now: Temporal.Instant; limit: number },
): Promise<string[]> {
  const due = await queryRows<DueRow>(
    tx,
    sql`select id, product_id, plan, term, quantity, options, next_term, current_term_end::text as current_term_end
        from contracts
        where status = 'active' and renewal_mode = 'auto' and current_term_end < ${input.today.toString()}::date
        order by current_term_end, id
        limit ${input.limit}
        for update skip locked`,
  );
  if (due.length === 0) return [];
  const choices: TermChoice[] = due.map((row) => ({
    productId: row.product_id,
    plan: row.plan,
    term: row.next_term?.term ?? row.term,
    quantity: row.quantity,
    options: row.next_term?.options ?? row.options,
  }));
  const priced = await priceTerms(tx, choices);
  const keys = [...priced.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  return writeRenewals(tx, {
    pricings: keys.map((key) => priced.get(key)!.pricing),
    now: input.now,
    rows: due.map((row, i) => {
      const choice = choices[i]!;
      const key = termChoiceKey(choice);
      const months = priced.get(key)!.termMonths;
      const start = nextTermStart(Temporal.PlainDate.from(row.current_term_end));
      return {
        contractId: row.id,
        term: choice.term,
        termMonths: months,
        options: [...choice.options],
        pricing: index.get(key)!,
        start: start.toString(),
        end: termEndDate(start, months).toString(),
        how: 'auto' as const,
        renewalId: null,
      };
    }),
  });
}
