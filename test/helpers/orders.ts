// Writes an order through ordering's createOrder, as placing does (order, lines, provider consents, the "placed" timeline entry), and hands it to providers in the same transaction.
import type { Temporal } from 'temporal-polyfill';
import type { Yen } from '../../src/domain/money.js';
import { loadProduct } from '../../src/modules/catalog/index.js';
import {
  allocateOrderNumber,
  createOrder,
  type OrderContactRow,
  type OrderLinePricingRow,
} from '../../src/modules/ordering/index.js';
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
  return t.ctx.db.transaction(async (tx) => {
    const { number } = await allocateOrderNumber(tx, { format: 'K{YYYY}-{SEQ:6}', now });
    const contact = input.contact ?? testContact;
    const consents: { kind: string; documentKey: string; documentVersion: string }[] = [];
    const lines = [];
    for (const line of input.lines) {
      const product = await loadProduct(tx, line.productSlug);
      if (!product) throw new Error(`no product ${line.productSlug}`);
      const provider = product.provider;
      if (!provider.isStore && !consents.some((c) => c.documentKey === `provider:${provider.slug}`)) {
        const fields = input.sharedContactFields?.[provider.slug] ?? provider.sharedContactFields;
        consents.push({
          kind: 'provider_data_sharing',
          documentKey: `provider:${provider.slug}`,
          documentVersion: fields.join('+'),
        });
      }
      lines.push({
        productId: product.id,
        providerId: provider.id,
        productName: product.definition.name,
        plan: line.plan,
        term: line.term,
        quantity: line.quantity ?? 1,
        options: line.options ?? [],
        trialDays: line.trialDays ?? null,
        pricing: line.pricing ?? { lines: [], monthlyAmount: null, termAmount: 8800, oneTimeAmount: 0 },
        orderFields: line.orderFields ?? {},
      });
    }
    const { orderId, lineIds } = await createOrder(tx, {
      number,
      memberId: input.memberId,
      idempotencyKey: `test-${number}`,
      checkoutQuote: null,
      customerContact: contact,
      billingContact: contact,
      paymentMethod: input.paymentMethod ?? 'bank_transfer',
      taxBreakdown: [{ rate: 10, taxableAmount: 8800, taxAmount: 880 }],
      subtotal: 8800 as Yen,
      tax: 880 as Yen,
      total: 9680 as Yen,
      locale: input.locale ?? 'ja',
      lines,
      consents,
      cart: null,
      now,
    });
    const requestIds = await requestProvisioning(tx, { orderId, now });
    return { orderId, number, lineIds, requestIds };
  });
}
