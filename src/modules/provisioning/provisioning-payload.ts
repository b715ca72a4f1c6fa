// Builds what a provider receives about one order line: only what it needs and what the member agreed to share.
import type { ProvisioningPayloadRow } from '../../db/schema/provisioning.js';
import type { OrderContactRow } from '../ordering/index.js';

/**
 * Contact fields a provider can be given (the provider's `sharedContactFields`, as the member agreed to them)
 * and the order columns each one means. `name` is the name as written, not its kana reading: the consent
 * says お名前 only. An address is its postal code and the address lines.
 */
const contactColumns: Record<string, (keyof OrderContactRow)[]> = {
  company: ['companyName'],
  department: ['departmentName'],
  name: ['name'],
  email: ['email'],
  phone: ['phone'],
  address: ['postalCode', 'address'],
};

/** Labels of the shared contact columns, for the provider's mail. */
export const contactLabels: Record<string, { ja: string; en: string }> = {
  companyName: { ja: '会社名', en: 'Company' },
  departmentName: { ja: '部署名', en: 'Department' },
  name: { ja: 'お名前', en: 'Name' },
  email: { ja: 'メールアドレス', en: 'Email' },
  phone: { ja: '電話番号', en: 'Phone' },
  postalCode: { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '住所', en: 'Address' },
};

/** The kind and key of the consent that lets `provider:<slug>` receive contact fields (see the checkout). */
export const PROVIDER_DATA_SHARING = 'provider_data_sharing';

/**
 * The contact fields the member agreed to share with the provider on this order: the version of its
 * `provider_data_sharing` consent is the list itself (`company+name+email`). No consent shares nothing.
 */
export function consentedContactFields(
  consents: readonly { kind: string; documentKey: string; documentVersion: string }[],
  providerSlug: string,
): string[] {
  const consent = consents.find(
    (c) => c.kind === PROVIDER_DATA_SHARING && c.documentKey === `provider:${providerSlug}`,
  );
  if (!consent) return [];
  return consent.documentVersion.split('+').filter((field) => Object.hasOwn(contactColumns, field));
}

/** The order's customer contact cut down to the shared fields; unknown field names share nothing. */
export function sharedContact(
  contact: OrderContactRow,
  shared: readonly string[],
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of shared) {
    if (!Object.hasOwn(contactColumns, field)) continue;
    for (const column of contactColumns[field]!) out[column] = contact[column] ?? null;
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
