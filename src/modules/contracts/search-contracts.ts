// The console's contract search: number, member, product, status and renewal month, newest start first, paged.
import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import type { ContractStatus } from '../../domain/contracts.js';
import { findMemberContacts, memberMatching } from '../identity/index.js';
import { type ContractSummary, contractSummary } from './contract-view.js';

export interface SearchContractsInput {
  /** Part of a contract number, ignoring case. */
  number?: string | undefined;
  /** A member id, or part of the member's login ID, name, company or email. */
  member?: string | undefined;
  /** A product id, or part of the product's name (ja or en). */
  product?: string | undefined;
  status?: ContractStatus | undefined;
  /** `YYYY-MM`: contracts whose current term ends in that month (they renew or end then). */
  renewalMonth?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface ContractListItem extends ContractSummary {
  member: { id: string; loginId: string; name: string; companyName: string | null };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A page of matching contracts (50 by default, at most 200) and the number of matches. */
export async function searchContracts(
  db: DbOrTx,
  input: SearchContractsInput = {},
): Promise<{ items: ContractListItem[]; total: number }> {
  const conditions: SQL[] = [];
  const number = input.number?.trim();
  if (number) conditions.push(ilike(contracts.number, likePattern(number)));
  const member = input.member?.trim();
  if (member) {
    const pattern = likePattern(member);
    const anyField = or(eq(contracts.memberId, member), memberMatching(contracts.memberId, pattern));
    if (anyField) conditions.push(anyField);
  }
  const product = input.product?.trim();
  if (product) {
    const pattern = likePattern(product);
    const anyName = or(
      eq(contracts.productId, product),
      ilike(contracts.productNameJa, pattern),
      ilike(contracts.productNameEn, pattern),
    );
    if (anyName) conditions.push(anyName);
  }
  if (input.status) conditions.push(eq(contracts.status, input.status));
  if (input.renewalMonth) {
    const first = Temporal.PlainYearMonth.from(input.renewalMonth).toPlainDate({ day: 1 });
    conditions.push(gte(contracts.currentTermEnd, first.toString()));
    conditions.push(lte(contracts.currentTermEnd, first.add({ months: 1 }).subtract({ days: 1 }).toString()));
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(contracts)
    .where(where)
    .orderBy(desc(contracts.startDate), desc(contracts.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(contracts).where(where);
  const memberContacts = await findMemberContacts(
    db,
    rows.map((row) => row.memberId),
  );
  return {
    total: total?.n ?? 0,
    // Every contract has its member (a foreign key): the filter only narrows the type.
    items: rows
      .flatMap((contract) => {
        const m = memberContacts.get(contract.memberId);
        return m ? [{ contract, m }] : [];
      })
      .map(({ contract, m }) => ({
        ...contractSummary(contract),
        member: { id: m.id, loginId: m.loginId, name: m.name, companyName: m.companyName },
      })),
  };
}
