// Builds what a provider receives about one order line: only what it needs and what the member agreed to share.
import type { OrderContactRow } from '../../db/schema/ordering.js';
import type { ProvisioningPayloadRow } from '../../db/schema/provisioning.js';

/** Contact fields a provider can be given (the provider's `sharedContactFields`) and the order columns they mean. */
const contactColumns: Record<string, (keyof OrderContactRow)[]> = {
  company: ['companyName'],
  department: ['departmentName'],
  name: ['name', 'nameKana'],
  email: ['email'],
  phone: ['phone'],
  address: ['postalCode', 'address'],
};

/** Labels of the shared contact columns, for the provider's mail. */
export const contactLabels: Record<string, { ja: string; en: string }> = {
  companyName: { ja: '会社名', en: 'Company' },
  departmentName: { ja: '部署名', en: 'Department' },
  name: { ja: 'お名前', en: 'Name' },
  nameKana: { ja: 'お名前（カナ）', en: 'Name (kana)' },
  email: { ja: 'メールアドレス', en: 'Email' },
  phone: { ja: '電話番号', en: 'Phone' },
  postalCode: { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '住所', en: 'Address' },
};

/** The order's customer contact cut down to the shared fields; unknown field names share nothing. */
export function sharedContact(
  contact: OrderContactRow,
  shared: readonly string[],
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of shared) {
    for (const column of contactColumns[field] ?? []) out[column] = contact[column] ?? null;
  }
  return out;
}

export interface PayloadSource {
  orderNumber: string;
  placedAt: Date;
  customerContact: OrderContactRow;
  line: {
    id: string;
    productId: string;
    productNameJa: string;
    productNameEn: string;
    plan: string;
    term: string;
    quantity: number;
    options: { code: string; quantity?: number }[];
    isTrial: boolean;
    trialDays: number | null;
    orderFields: Record<string, string>;
  };
  productSlug: string | null;
  sharedContactFields: readonly string[];
}

/** The payload stored on the request and sent as the webhook's `data` (with the request id). */
export function provisioningPayload(source: PayloadSource): ProvisioningPayloadRow {
  const { line } = source;
  return {
    orderNumber: source.orderNumber,
    orderedAt: source.placedAt.toISOString(),
    line: {
      orderLineId: line.id,
      productId: line.productId,
      productSlug: source.productSlug,
      productName: { ja: line.productNameJa, en: line.productNameEn },
      plan: line.plan,
      term: line.term,
      quantity: line.quantity,
      options: line.options,
      trial: line.isTrial ? { days: line.trialDays } : null,
    },
    orderFields: line.orderFields,
    contact: sharedContact(source.customerContact, source.sharedContactFields),
  };
}
