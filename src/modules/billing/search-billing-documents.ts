// The console's search of stored billing documents (電子帳簿保存法): transaction date range, amount range and counterparty, combined.
import { and, asc, count, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { billingDocuments } from '../../db/schema/billing-documents.js';
import { type Yen, yenFromDb } from '../../domain/money.js';
import { memberMatching } from '../identity/index.js';

/** What the console may combine; every part is optional. */
export interface SearchBillingDocumentsInput {
  kind?: 'invoice' | 'credit_note' | undefined;
  /** Transaction dates, both inclusive, `YYYY-MM-DD`. */
  from?: string | undefined;
  to?: string | undefined;
  /** Tax-inclusive amounts, both inclusive. */
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  /** Part of the counterparty as printed, or of the member's name, company, login ID or email. */
  counterparty?: string | undefined;
  limit: number;
  offset: number;
}

/** One stored document as the search lists it (the bytes are fetched by its PDF route). */
export interface BillingDocumentView {
  id: string;
  kind: 'invoice' | 'credit_note';
  documentId: string;
  number: string;
  memberId: string;
  counterparty: string;
  transactionDate: string;
  amount: Yen;
  sha256: string;
  storedAt: string;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Stored documents matching every given condition, oldest transaction first, then by number. */
export async function searchBillingDocuments(
  db: DbOrTx,
  input: SearchBillingDocumentsInput,
): Promise<{ documents: BillingDocumentView[]; total: number }> {
  const conditions: SQL[] = [];
  if (input.kind) conditions.push(eq(billingDocuments.kind, input.kind));
  if (input.from) conditions.push(gte(billingDocuments.transactionDate, input.from));
  if (input.to) conditions.push(lte(billingDocuments.transactionDate, input.to));
  if (input.minAmount !== undefined) conditions.push(gte(billingDocuments.amount, BigInt(input.minAmount)));
  if (input.maxAmount !== undefined) conditions.push(lte(billingDocuments.amount, BigInt(input.maxAmount)));
  if (input.counterparty?.trim()) {
    const pattern = `%${escapeLike(input.counterparty.trim())}%`;
    conditions.push(
      or(ilike(billingDocuments.counterparty, pattern), memberMatching(billingDocuments.memberId, pattern))!,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [counted] = await db.select({ n: count() }).from(billingDocuments).where(where);
  const rows = await db
    .select({
      id: billingDocuments.id,
      kind: billingDocuments.kind,
      documentId: billingDocuments.documentId,
      number: billingDocuments.number,
      memberId: billingDocuments.memberId,
      counterparty: billingDocuments.counterparty,
      transactionDate: billingDocuments.transactionDate,
      amount: billingDocuments.amount,
      sha256: billingDocuments.sha256,
      storedAt: billingDocuments.storedAt,
    })
    .from(billingDocuments)
    .where(where)
    .orderBy(asc(billingDocuments.transactionDate), asc(billingDocuments.number))
    .limit(input.limit)
    .offset(input.offset);
  return {
    total: Number(counted?.n ?? 0),
    documents: rows.map((row) => ({
      ...row,
      amount: yenFromDb(row.amount),
      storedAt: row.storedAt.toISOString(),
    })),
  };
}
