// The admin order detail: the order record (lines, timeline, consents) with each line's provisioning request and its delivery, and the names people read in place of the codes the record keeps.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client.js';
import { listCurrentTermsDocuments, listProviders, loadProduct } from '../modules/catalog/index.js';
import { listOperatorDirectory } from '../modules/operators/index.js';
import { getOrderRecord, type OrderRecord } from '../modules/ordering/index.js';
import { listProvisioningRequests, type ProvisioningRequestView } from '../modules/provisioning/index.js';

export interface BilingualName {
  ja: string;
  en: string;
}

export interface OrderForOperator extends OrderRecord {
  provisioningRequests: ProvisioningRequestView[];
  /** Each product's order-field labels by field key, from the product's current definition. */
  orderFieldLabels: Record<string, Record<string, BilingualName>>;
  /** Each consented document's title by document key. */
  documentTitles: Record<string, BilingualName>;
  /** Who each timeline actor (`member:…`, `operator:…`, `provider:…`) is, by the actor string. */
  actorNames: Record<string, BilingualName>;
}

/** The store's own documents, which are not catalog documents. */
const storeDocumentTitles: Record<string, BilingualName> = {
  'store:terms': { ja: '利用規約', en: 'Terms of use' },
  'store:privacy': { ja: 'プライバシーポリシー', en: 'Privacy policy' },
};

function hasActor(record: OrderRecord, prefix: string): boolean {
  return record.timeline.some((event) => event.actor.startsWith(prefix));
}

/** The order or `order_not_found` (404). */
export async function getOrderForOperator(
  db: DbOrTx,
  orderId: string,
  now: Temporal.Instant,
): Promise<OrderForOperator> {
  const record = await getOrderRecord(db, orderId);
  const provisioningRequests = await listProvisioningRequests(db, { orderId });

  const orderFieldLabels: OrderForOperator['orderFieldLabels'] = {};
  for (const productId of new Set(record.lines.map((line) => line.productId))) {
    const product = await loadProduct(db, productId);
    if (!product) continue;
    orderFieldLabels[productId] = Object.fromEntries(
      product.definition.orderFields.map((field) => [field.key, field.label]),
    );
  }

  const documentTitles: Record<string, BilingualName> = {};
  const catalogKeys = record.consents
    .map((c) => c.documentKey)
    .filter((key) => !(key in storeDocumentTitles));
  for (const document of await listCurrentTermsDocuments(db, now, [...new Set(catalogKeys)]))
    documentTitles[document.key] = { ja: document.titleJa, en: document.titleEn };
  for (const consent of record.consents) {
    const title = storeDocumentTitles[consent.documentKey];
    if (title) documentTitles[consent.documentKey] = title;
  }
  // A provider's data-sharing consent is keyed `provider:<slug>`: named after the provider, as the checkout asked it.
  const sharing = record.consents.filter((c) => c.documentKey.startsWith('provider:'));
  const providers = sharing.length > 0 || hasActor(record, 'provider:') ? await listProviders(db) : [];
  for (const consent of sharing) {
    const provider = providers.find((p) => `provider:${p.slug}` === consent.documentKey);
    if (provider)
      documentTitles[consent.documentKey] = {
        ja: `提供元「${provider.nameJa}」への情報提供`,
        en: `Sharing details with the provider ${provider.nameEn}`,
      };
  }

  const actorNames: Record<string, BilingualName> = {};
  const same = (name: string) => ({ ja: name, en: name });
  const actors = new Set(record.timeline.map((event) => event.actor));
  const member = record.member;
  actorNames[`member:${member.id}`] = same(
    member.companyName ? `${member.companyName} ${member.name}` : member.name,
  );
  if ([...actors].some((actor) => actor.startsWith('operator:'))) {
    for (const operator of await listOperatorDirectory(db))
      actorNames[`operator:${operator.id}`] = same(operator.displayName);
  }
  for (const provider of providers)
    actorNames[`provider:${provider.id}`] = { ja: provider.nameJa, en: provider.nameEn };
  for (const name of Object.keys(actorNames)) if (!actors.has(name)) delete actorNames[name];

  return { ...record, provisioningRequests, orderFieldLabels, documentTitles, actorNames };
}
