// Members and contracts written straight into the tables, for billing tests: the dates and price lines a close reads.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { catalogProducts } from '../../src/db/schema/catalog.js';
import { contracts } from '../../src/db/schema/contracts.js';
import { authUser, members } from '../../src/db/schema/identity.js';
import { orders } from '../../src/db/schema/ordering.js';
import { storeSettings } from '../../src/db/schema/store.js';
import { newId } from '../../src/domain/ids.js';

/** A member ready to be billed (active, terms accepted). */
export async function insertBillingMember(db: DbOrTx, name: string, at: Date): Promise<string> {
  const memberId = newId('member');
  await db.insert(authUser).values({
    id: memberId,
    name,
    email: `${memberId}@members.keiyaku.invalid`,
    createdAt: at,
    updatedAt: at,
  });
  await db.insert(members).values({
    id: memberId,
    loginId: memberId,
    name,
    nameKana: 'セイキュウ',
    email: `${memberId}@example.jp`,
    locale: 'ja',
    status: 'active',
    termsVersion: '2026-04-01',
    termsAcceptedAt: at,
    createdAt: at,
  });
  return memberId;
}

/** The id of a product of the demo catalog (contracts need one): the cloud server unless another slug is named. */
export async function demoProductId(db: DbOrTx, slug = 'cloud-server'): Promise<string> {
  const [product] = await db
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(eq(catalogProducts.slug, slug));
  return product!.id;
}

/** The issuer and rounding printed on invoices. */
export async function setInvoiceIssuer(
  db: DbOrTx,
  input: { issuerName: string; registrationNumber: string | null; taxRounding: 'floor' | 'round' | 'ceil' },
): Promise<void> {
  await db.update(storeSettings).set(input).where(eq(storeSettings.id, 1));
}

let sequence = 0;

/** A contract with its price lines (tax-exclusive amounts per term at 10% or 8%). */
export async function insertBillingContract(
  db: DbOrTx,
  input: {
    memberId: string;
    productId: string;
    /** The plan's code in the catalog (its confirmation rule applies to usage); `large` unless given. */
    plan?: string;
    termMonths: number;
    start: string;
    trialEnd?: string;
    end?: string;
    lines: { code: string; amount: number; taxRate: 10 | 8 }[];
    /** The contract's payment method; card unless given. */
    paymentMethod?: 'card' | 'bank_transfer' | 'direct_debit' | 'agency' | 'wallet';
    at: Date;
    /** The order it came from (default: an id with no order row, as if placed before orders were kept). */
    orderId?: string;
    providerId?: string;
  },
): Promise<string> {
  sequence += 1;
  const id = newId('contract');
  const termAmount = input.lines.reduce((sum, line) => sum + line.amount, 0);
  await db.insert(contracts).values({
    id,
    number: `C2026-${String(sequence).padStart(6, '0')}-${id.slice(-6)}`,
    memberId: input.memberId,
    orderId: input.orderId ?? `ord_${id}`,
    orderNumber: `K2026-${String(sequence).padStart(6, '0')}`,
    orderLineId: `oln_${id}`,
    productId: input.productId,
    providerId: input.providerId ?? 'prv_test',
    productNameJa: 'クラウドサーバー',
    productNameEn: 'Cloud server',
    plan: input.plan ?? 'large',
    term: input.termMonths === 1 ? '1m' : `${String(input.termMonths)}m`,
    termMonths: input.termMonths,
    quantity: 1,
    options: [],
    pricing: {
      lines: input.lines.map((line) => ({
        kind: 'plan',
        code: line.code,
        labelJa: `${line.code} 利用料`,
        labelEn: `${line.code} fee`,
        quantity: 1,
        unitPrice: line.amount,
        amount: line.amount,
        taxRate: line.taxRate,
        recurring: true,
      })),
      monthlyAmount: null,
      termAmount,
      oneTimeAmount: 0,
    },
    termAmount: BigInt(termAmount),
    paymentMethod: input.paymentMethod ?? 'card',
    status: input.end ? 'cancellation_scheduled' : input.trialEnd ? 'trial' : 'active',
    startDate: input.start,
    currentTermStart: input.start,
    currentTermEnd: input.end ?? input.start,
    minimumTermMonths: 0,
    earlyTermination: 'none',
    renewalMode: 'auto',
    trialEnd: input.trialEnd ?? null,
    locale: 'ja',
    endDate: input.end ?? null,
    startedAt: input.at,
    updatedAt: input.at,
  });
  return id;
}

/** An order placed with `paymentMethod` (its lines' contracts point to it): card and wallet are charged at checkout. */
export async function insertBillingOrder(
  db: DbOrTx,
  input: { memberId: string; paymentMethod: string; total: number; at: Date },
): Promise<string> {
  sequence += 1;
  const id = newId('order');
  const contact = {
    companyName: null,
    departmentName: null,
    name: '請求 太郎',
    nameKana: null,
    email: 'billing@example.jp',
    phone: '0312345678',
    postalCode: null,
    address: null,
  };
  await db.insert(orders).values({
    id,
    number: `K2026-9${String(sequence).padStart(5, '0')}`,
    memberId: input.memberId,
    idempotencyKey: id,
    status: 'completed',
    customerContact: contact,
    billingContact: contact,
    paymentMethod: input.paymentMethod,
    taxBreakdown: [],
    subtotalAmount: BigInt(input.total),
    taxAmount: 0n,
    totalAmount: BigInt(input.total),
    locale: 'ja',
    placedAt: input.at,
    updatedAt: input.at,
  });
  return id;
}
