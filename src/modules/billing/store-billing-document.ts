// Keeps an issued document's PDF once (電子帳簿保存法): the first writer wins, every later read serves those bytes.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { billingDocuments } from '../../db/schema/billing-documents.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';

/** A stored document as read back. */
export interface StoredBillingDocument {
  id: string;
  kind: 'invoice' | 'credit_note';
  documentId: string;
  number: string;
  sha256: string;
  pdf: Buffer;
}

/** What a document is searched by, copied beside its bytes. */
export interface BillingDocumentFacts {
  kind: 'invoice' | 'credit_note';
  documentId: string;
  number: string;
  memberId: string;
  counterparty: string;
  transactionDate: string;
  amount: number;
}

/** The stored record of a document, or null when none was stored yet. */
export async function findStoredBillingDocument(
  db: DbOrTx,
  kind: 'invoice' | 'credit_note',
  documentId: string,
): Promise<StoredBillingDocument | null> {
  const [row] = await db
    .select({
      id: billingDocuments.id,
      kind: billingDocuments.kind,
      documentId: billingDocuments.documentId,
      number: billingDocuments.number,
      sha256: billingDocuments.sha256,
      pdf: billingDocuments.pdf,
    })
    .from(billingDocuments)
    .where(and(eq(billingDocuments.kind, kind), eq(billingDocuments.documentId, documentId)));
  return row ?? null;
}

/** SHA-256 of bytes, lower-case hex. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores `pdf` for the document unless a record exists (insert … on conflict do nothing), then answers
 * the record that is stored: a concurrent or earlier render's bytes win over these.
 */
export async function storeBillingDocumentOnce(
  db: DbOrTx,
  input: BillingDocumentFacts & { pdf: Buffer; now: Temporal.Instant },
): Promise<StoredBillingDocument> {
  await db
    .insert(billingDocuments)
    .values({
      id: newId('billingDocument'),
      kind: input.kind,
      documentId: input.documentId,
      number: input.number,
      memberId: input.memberId,
      counterparty: input.counterparty,
      transactionDate: input.transactionDate,
      amount: BigInt(input.amount),
      sha256: sha256Of(input.pdf),
      pdf: input.pdf,
      storedAt: toDate(input.now),
    })
    .onConflictDoNothing();
  const stored = await findStoredBillingDocument(db, input.kind, input.documentId);
  if (!stored) throw new Error(`billing document ${input.kind} ${input.documentId} vanished after insert`);
  return stored;
}
