// The automatic renewal of a batch of due contracts (card, wallet, direct debit): same term and options, or the member's next-term change, at the catalog's current price.
import { inArray, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { type ContractNextTerm, contractEvents, contracts } from '../../db/schema/contracts.js';
import { toDate } from '../../domain/clock.js';
import { nextTermStart, termEndDate } from '../../domain/contract-rules.js';
import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { recordAudits } from '../audit/index.js';
import { recordDomainEvents } from '../events/index.js';
import { contractEventBase } from './contract-record.js';
import {
  type PricedTerm,
  priceTermsOrRefusals,
  type TermChoice,
  termChoiceKey,
} from './price-contract-term.js';
import { queryRows } from './query-rows.js';
import { writeRenewals } from './write-renewals.js';

const SYSTEM = { kind: 'system' as const, id: null };

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

/** What one batch did: the contracts renewed, and those whose next term the catalog no longer prices. */
export interface RenewDueResult {
  renewed: string[];
  /** Switched to renewal by hand (they expire after the grace period unless the member renews). */
  stopped: string[];
}

/**
 * Renews up to `limit` contracts whose term ended before `today` and that renew automatically, in the
 * caller's transaction, with a handful of statements whatever the batch size: one locking read (rows
 * another node holds are skipped), the catalog priced once per distinct choice, and the writes of
 * `writeRenewals`. A contract whose choice the catalog refuses (its plan, term or an option withdrawn)
 * does not stop the batch: it is switched to renewal by hand with a history entry,
 * `contract.auto_renewal_stopped` and an audit entry, and the member can still take a renewal quote for
 * what is offered now. A contract far behind (a rehearsal jumping a year) is renewed one term per batch,
 * so the caller repeats until nothing is due.
 */
export async function renewDueContracts(
  tx: DbOrTx,
  input: { today: Temporal.PlainDate; now: Temporal.Instant; limit: number },
): Promise<RenewDueResult> {
  const due = await queryRows<DueRow>(
    tx,
    sql`select id, product_id, plan, term, quantity, options, next_term, current_term_end::text as current_term_end
        from contracts
        where status = 'active' and renewal_mode = 'auto' and current_term_end < ${input.today.toString()}::date
        order by current_term_end, id
        limit ${input.limit}
        for update skip locked`,
  );
  if (due.length === 0) return { renewed: [], stopped: [] };
  const choices: TermChoice[] = due.map((row) => ({
    productId: row.product_id,
    plan: row.plan,
    term: row.next_term?.term ?? row.term,
    quantity: row.quantity,
    options: row.next_term?.options ?? row.options,
  }));
  const results = await priceTermsOrRefusals(tx, choices);
  const keys = [...results.keys()].filter((key) => !(results.get(key) instanceof AppError));
  const index = new Map(keys.map((key, i) => [key, i]));
  const renewable: { row: DueRow; choice: TermChoice; priced: PricedTerm; key: string }[] = [];
  const refused: { row: DueRow; choice: TermChoice; error: AppError }[] = [];
  for (const [i, row] of due.entries()) {
    const choice = choices[i]!;
    const key = termChoiceKey(choice);
    const result = results.get(key)!;
    if (result instanceof AppError) refused.push({ row, choice, error: result });
    else renewable.push({ row, choice, priced: result, key });
  }
  const renewed = await writeRenewals(tx, {
    pricings: keys.map((key) => (results.get(key) as PricedTerm).pricing),
    now: input.now,
    rows: renewable.map(({ row, choice, priced, key }) => {
      const start = nextTermStart(Temporal.PlainDate.from(row.current_term_end));
      return {
        contractId: row.id,
        term: choice.term,
        termMonths: priced.termMonths,
        options: [...choice.options],
        pricing: index.get(key)!,
        start: start.toString(),
        end: termEndDate(start, priced.termMonths).toString(),
        how: 'auto' as const,
        renewalId: null,
      };
    }),
  });
  const stopped = await stopAutomaticRenewal(tx, refused, input.now);
  return { renewed, stopped };
}

/** Switches contracts whose next term has no price to renewal by hand, set-based, with history, events and audit. */
async function stopAutomaticRenewal(
  tx: DbOrTx,
  refused: readonly { row: DueRow; choice: TermChoice; error: AppError }[],
  now: Temporal.Instant,
): Promise<string[]> {
  if (refused.length === 0) return [];
  const at = toDate(now);
  const byId = new Map(refused.map((r) => [r.row.id, r]));
  const rows = (
    await tx
      .update(contracts)
      .set({ renewalMode: 'manual', nextTerm: null, updatedAt: at })
      .where(inArray(contracts.id, [...byId.keys()]))
      .returning()
  ).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  await tx.insert(contractEvents).values(
    rows.map((row) => ({
      id: newId('contractEvent'),
      contractId: row.id,
      kind: 'auto_renewal_stopped',
      fromStatus: row.status,
      toStatus: row.status,
      actorKind: 'system',
      actorId: null,
      reason: byId.get(row.id)!.error.code,
      at,
    })),
  );
  await recordDomainEvents(tx, {
    type: 'contract.auto_renewal_stopped',
    events: rows.map((row) => {
      const { choice, error } = byId.get(row.id)!;
      return {
        subjectId: row.id,
        payload: {
          ...contractEventBase(row),
          attempted: { term: choice.term, options: [...choice.options] },
          reason: error.code,
        },
      };
    }),
    at: now,
  });
  await recordAudits(tx, {
    actor: SYSTEM,
    action: 'contract.auto_renewal_stopped',
    targetType: 'contract',
    entries: rows.map((row) => ({
      targetId: row.id,
      before: { renewalMode: 'auto', nextTerm: byId.get(row.id)!.row.next_term },
      after: { renewalMode: 'manual', nextTerm: null },
      reason: byId.get(row.id)!.error.code,
    })),
    at: now,
  });
  return rows.map((row) => row.id);
}
