// The automatic renewal of a batch of due contracts (card, wallet, direct debit): same term and options, or the member's next-term change, at the catalog's current price; a wallet contract is charged on its renewal day.
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
import { recordWalletRenewals } from './record-wallet-renewals.js';
import { walletRenewalDateSql } from './wallet-renewal-date-sql.js';
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
  /** Charged ahead on the renewal day (a wallet contract with its day) rather than renewed after the term. */
  prepaid: boolean;
}

/** The latest term end a wallet renewal day can precede by (the 25th of the month before a term ending on the 24th). */
const WALLET_LEAD_DAYS = 31;

/** What one batch did: the contracts renewed, the wallet contracts charged, and those whose next term the catalog no longer prices. */
export interface RenewDueResult {
  renewed: string[];
  /** Wallet contracts charged for their next term on their renewal day; they move into it after their term ends. */
  charged: string[];
  /** Switched to renewal by hand (they expire after the grace period unless the member renews). */
  stopped: string[];
}

/**
 * Renews up to `limit` contracts that renew automatically and are due by `today`, in the caller's
 * transaction, with a handful of statements whatever the batch size: one locking read (rows another node
 * holds are skipped), the catalog priced once per distinct choice, and the writes. A card or direct-debit
 * contract is due the day after its term ends and moves into the next term at once (`writeRenewals`). A
 * wallet contract (seed 002: 自動更新日 5/10/15/20/25) is due on its renewal day
 * (`walletAutoRenewalDate`, on or before its term end): its next term is charged then as a paid `auto`
 * renewal (`recordWalletRenewals`, `contract.renewed` at that point), and `applyPaidRenewals` moves the
 * contract into it the day after its term ends. A contract whose next term already has a renewal (paid
 * ahead, or a manual one) is left to `applyPaidRenewals`. A contract whose choice the catalog refuses (its plan, term or an option withdrawn)
 * does not stop the batch: it is switched to renewal by hand with a history entry,
 * `contract.auto_renewal_stopped` and an audit entry, and the member can still take a renewal quote for
 * what is offered now. A contract far behind (a rehearsal jumping a year) is renewed one term per batch,
 * so the caller repeats until nothing is due.
 */
export async function renewDueContracts(
  tx: DbOrTx,
  input: { today: Temporal.PlainDate; now: Temporal.Instant; limit: number },
): Promise<RenewDueResult> {
  const today = input.today.toString();
  const prepaid = sql`(c.payment_method = 'wallet' and c.wallet_renewal_day is not null)`;
  const due = await queryRows<DueRow>(
    tx,
    sql`select c.id, c.product_id, c.plan, c.term, c.quantity, c.options, c.next_term,
               c.current_term_end::text as current_term_end, ${prepaid} as prepaid
        from contracts c
        where c.status = 'active' and c.renewal_mode = 'auto'
          and c.current_term_end < ${today}::date + ${WALLET_LEAD_DAYS}::int
          and case when ${prepaid} then ${walletRenewalDateSql(sql`c.current_term_end`, sql`c.wallet_renewal_day`)} <= ${today}::date
                   else c.current_term_end < ${today}::date end
          and not exists (select 1 from contract_renewals r
                          where r.contract_id = c.id and r.term_start = c.current_term_end + 1 and r.status <> 'cancelled')
        order by c.current_term_end, c.id
        limit ${input.limit}
        for update of c skip locked`,
  );
  if (due.length === 0) return { renewed: [], charged: [], stopped: [] };
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
  const pricings = keys.map((key) => (results.get(key) as PricedTerm).pricing);
  const next = renewable.map(({ row, choice, priced, key }) => {
    const start = nextTermStart(Temporal.PlainDate.from(row.current_term_end));
    return {
      prepaid: row.prepaid,
      total: priced.total,
      write: {
        contractId: row.id,
        term: choice.term,
        termMonths: priced.termMonths,
        options: [...choice.options],
        pricing: index.get(key)!,
        start: start.toString(),
        end: termEndDate(start, priced.termMonths).toString(),
      },
    };
  });
  const renewed = await writeRenewals(tx, {
    pricings,
    now: input.now,
    rows: next
      .filter((n) => !n.prepaid)
      .map((n) => ({ ...n.write, how: 'auto' as const, renewalId: null, published: false })),
  });
  const charged = await recordWalletRenewals(tx, {
    pricings,
    now: input.now,
    rows: next.filter((n) => n.prepaid).map((n) => ({ ...n.write, total: n.total })),
  });
  const stopped = await stopAutomaticRenewal(tx, refused, input.now);
  return { renewed, charged, stopped };
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
