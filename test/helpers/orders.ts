// Writes an order as placing it does (order, lines, provider consents, the "placed" timeline entry) and hands it to providers in the same transaction.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import { catalogProducts, catalogProviders } from '../../src/db/schema/catalog.js';
import {
  type OrderContactRow,
  type OrderLinePricingRow,
  orderConsents,
  orderEvents,
  orderLines,
  orders,
} from '../../src/db/schema/ordering.js';
import { toDate } from '../../src/domain/clock.js';
import { newId } from '../../src/domain/ids.js';
import { allocateOrderNumber } from '../../src/modules/ordering/index.js';
import { requestProvisioning } from '../../src/modules/provisioning/index.js';
import type { TestApp } from './test-app.js';

export interface TestOrderLine {
  productSlug: string;
  plan: string;
  term: string;
  quantity?: number;
  options?: { code: string; quantity?: number }[];
  trialDays?: number | null;
  orderFields?: Record<string, string>;
  /** The confirmed price; by default a bare ¥8,800 term with no rows. */
  pricing?: OrderLinePricingRow;
}

export const testContact: OrderContactRow = {
  companyName: '株式会社テスト商事',
  departmentName: '情報システム部',
  name: '山田 太郎',
  nameKana: 'ヤマダ タロウ',
  email: 'yamada@test-shoji.example.jp',
  phone: '+81312345678',
  postalCode: '100-0001',
  address: '東京都千代田区千代田1-1',
};

/** Places an order for `memberId` now (numbered by the store's yearly counter) and returns its ids (lines in order). */
export async function insertTestOrder(
  t: TestApp,
  input: {
    memberId: string;
    locale?: 'ja' | 'en';
    contact?: OrderContactRow;
    paymentMethod?: string;
    lines: TestOrderLine[];
    now?: Temporal.Instant;
    /**
     * The contact fields agreed to per provider slug (the `provider_data_sharing` consent's version); by
     * default each provider's fields as they are now, as a checkout would have offered them.
     */
    sharedContactFields?: Record<string, string[]>;
  },
): Promise<{ orderId: string; number: string; lineIds: string[]; requestIds: string[] }> {
  const now = input.now ?? t.clock.now();
  const at = toDate(now);
  return t.ctx.db.transaction(async (tx) => {
    const { number } = await allocateOrderNumber(tx, { format: 'K{YYYY}-{SEQ:6}', now });
    const orderId = newId('order');
    const contact = input.contact ?? testContact;
    await tx.insert(orders).values({
      id: orderId,
      number,
      memberId: input.memberId,
      idempotencyKey: `test-${number}`,
      status: 'received',
      customerContact: contact,
      billingContact: contact,
      paymentMethod: input.paymentMethod ?? 'bank_transfer',
      taxBreakdown: [{ rate: 10, taxableAmount: 8800, taxAmount: 880 }],
      subtotalAmount: 8800n,
      taxAmount: 880n,
      totalAmount: 9680n,
      locale: input.locale ?? 'ja',
      placedAt: at,
      updatedAt: at,
    });
    const lineIds: string[] = [];
    const consented = new Set<string>();
    for (const [position, line] of input.lines.entries()) {
      const [product] = await tx
        .select()
        .from(catalogProducts)
        .where(eq(catalogProducts.slug, line.productSlug));
      const [provider] = await tx
        .select()
        .from(catalogProviders)
        .where(eq(catalogProviders.id, product!.providerId));
      if (!provider!.isStore && !consented.has(provider!.slug)) {
        consented.add(provider!.slug);
        const fields = input.sharedContactFields?.[provider!.slug] ?? provider!.sharedContactFields;
        await tx.insert(orderConsents).values({
          orderId,
          kind: 'provider_data_sharing',
          documentKey: `provider:${provider!.slug}`,
          documentVersion: fields.join('+'),
          consentedAt: at,
        });
      }
      const id = newId('orderLine');
      await tx.insert(orderLines).values({
        id,
        orderId,
        position,
        productId: product!.id,
        providerId: product!.providerId,
        productNameJa: product!.nameJa,
        productNameEn: product!.nameEn,
        plan: line.plan,
        term: line.term,
        quantity: line.quantity ?? 1,
        options: line.options ?? [],
        isTrial: line.trialDays !== undefined && line.trialDays !== null,
        trialDays: line.trialDays ?? null,
        pricing: line.pricing ?? { lines: [], monthlyAmount: null, termAmount: 8800, oneTimeAmount: 0 },
        orderFields: line.orderFields ?? {},
        status: 'received',
        updatedAt: at,
      });
      lineIds.push(id);
    }
    await tx.insert(orderEvents).values({
      id: newId('orderEvent'),
      orderId,
      kind: 'placed',
      toStatus: 'received',
      actor: `member:${input.memberId}`,
      at,
    });
    const requestIds = await requestProvisioning(tx, { orderId, now });
    return { orderId, number, lineIds, requestIds };
  });
}
