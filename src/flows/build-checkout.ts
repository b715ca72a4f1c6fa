// The checkout of the signed-in member's cart: contacts from the profile, orderable lines, payment methods, consents, totals.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client.js';
import { combineEstimates } from '../domain/estimate.js';
import { phoneForDisplay } from '../domain/phone.js';
import { findRedeemedTrials, listCurrentTermsDocuments } from '../modules/catalog/index.js';
import { getCurrentTerms, getMemberProfile } from '../modules/identity/auth-index.js';
import {
  anyMethodUsable,
  type Checkout,
  type CheckoutConsent,
  type CheckoutContact,
  type CheckoutLine,
  checkoutPaymentMethods,
  noUsableMethodFor,
  priceCart,
} from '../modules/ordering/index.js';
import { getStoreSettings } from '../modules/store/index.js';

const sharedFieldLabels: Readonly<Record<string, { ja: string; en: string }>> = {
  company: { ja: '会社名', en: 'company name' },
  department: { ja: '部署名', en: 'department' },
  name: { ja: 'お名前', en: 'name' },
  email: { ja: 'メールアドレス', en: 'email address' },
  phone: { ja: '電話番号', en: 'phone number' },
  address: { ja: '住所', en: 'address' },
};

/** The labels of shared contact fields, for the consent text and the receipt. */
export function sharedFieldsText(fields: readonly string[]): { ja: string; en: string } {
  return {
    ja: fields.map((f) => sharedFieldLabels[f]?.ja ?? f).join('・'),
    en: fields.map((f) => sharedFieldLabels[f]?.en ?? f).join(', '),
  };
}

/**
 * Builds the checkout from the member's cart as it is now (the same pricing as the cart). Works inside the
 * placing transaction too, so what is placed is exactly what was checked.
 */
export async function buildCheckout(
  db: DbOrTx,
  input: { memberId: string; now: Temporal.Instant },
): Promise<Checkout> {
  const profile = await getMemberProfile(db, input.memberId);
  const cart = await priceCart(db, { kind: 'member', memberId: input.memberId });
  const { taxRounding } = await getStoreSettings(db);

  const address = [profile.prefecture, profile.city, profile.street, profile.building]
    .filter((part): part is string => Boolean(part))
    .join('');
  const contact: CheckoutContact = {
    companyName: profile.companyName || null,
    departmentName: profile.department || null,
    name: profile.name,
    nameKana: profile.nameKana || null,
    email: profile.email,
    // The member edits it here as typed in Japan; placing stores it in E.164 again.
    phone: profile.phone ? phoneForDisplay(profile.phone) : '',
    postalCode: profile.postalCode || null,
    address: address || null,
  };

  const orderable = cart.items.filter((item) => item.estimate !== null && item.product !== null);
  const trialProductIds = orderable.filter((item) => item.isTrial).map((item) => item.productId);
  const redeemed = await findRedeemedTrials(db, input.memberId, trialProductIds);
  const trialTaken = new Set<string>();
  const lines: CheckoutLine[] = orderable.map((item) => {
    // A second trial line of the same product in one cart would take the same one trial twice.
    const trialUsed = item.isTrial && (redeemed.has(item.productId) || trialTaken.has(item.productId));
    if (item.isTrial) trialTaken.add(item.productId);
    const definition = item.product!.definition;
    const needsPaymentMethod = !item.trial || item.trial.paymentMethodRequired;
    return {
      itemId: item.id,
      product: item.product!,
      item,
      estimate: item.estimate!,
      trial: item.trial,
      trialUsed,
      needsPaymentMethod,
      paymentProblem:
        needsPaymentMethod && !anyMethodUsable(definition.paymentMethods)
          ? noUsableMethodFor(definition.name, definition.paymentMethods)
          : null,
    };
  });

  // Only the lines that need a method choose it: a free trial that needs none never narrows the offer.
  // The lines that can be ordered all share bank transfer (the one method usable before the payments
  // module registers cards, wallets and screenings), so one order with one method always fits them.
  const paying = lines.filter((line) => line.needsPaymentMethod && line.paymentProblem === null);
  const paymentMethods = checkoutPaymentMethods(paying.map((line) => line.product.definition.paymentMethods));
  const paymentMethodRequired = paying.length > 0;

  const consents: CheckoutConsent[] = [];
  const add = (consent: Omit<CheckoutConsent, 'provider' | 'sharedFields'> & Partial<CheckoutConsent>) => {
    if (consents.some((c) => c.documentKey === consent.documentKey)) return;
    consents.push({ provider: null, sharedFields: [], ...consent });
  };
  if (lines.length > 0) {
    const { terms } = await getCurrentTerms(db, input.now);
    add({
      kind: 'store_terms',
      documentKey: 'store:terms',
      version: terms.version,
      title: { ja: '利用規約', en: 'Terms of use' },
      url: '/terms/terms',
    });
  }
  const wanted: { kind: CheckoutConsent['kind']; key: string }[] = [];
  for (const line of lines) {
    const definition = line.product.definition;
    for (const key of definition.termsDocuments) wanted.push({ kind: 'product_terms', key });
    const chosen = new Set(line.estimate.lines.filter((l) => l.kind === 'option').map((l) => l.code));
    for (const option of definition.options) {
      if (!chosen.has(option.code)) continue;
      for (const key of option.termsDocuments) wanted.push({ kind: 'option_terms', key });
    }
    if (line.trial) wanted.push({ kind: 'trial_conditions', key: line.trial.conditionsDocument });
  }
  const documents = await listCurrentTermsDocuments(db, input.now, [...new Set(wanted.map((w) => w.key))]);
  for (const { kind, key } of wanted) {
    const document = documents.find((d) => d.key === key);
    // A document never published cannot be agreed to; the catalog editor requires one before publishing.
    if (!document) continue;
    add({
      kind,
      documentKey: key,
      version: document.version,
      title: { ja: document.titleJa, en: document.titleEn },
      url: `/documents/${encodeURIComponent(key)}`,
    });
  }
  for (const line of lines) {
    const provider = line.product.provider;
    if (provider.isStore) continue;
    const fields = provider.sharedContactFields;
    const text = sharedFieldsText(fields);
    add({
      kind: 'provider_data_sharing',
      documentKey: `provider:${provider.slug}`,
      // The version is the list itself: agreeing to share other fields later is a new consent.
      version: fields.join('+'),
      title: {
        ja: `提供元「${provider.nameJa}」への情報提供（${text.ja}）`,
        en: `Sharing your ${text.en} with the provider ${provider.nameEn}`,
      },
      url: '/terms/privacy',
      provider: { slug: provider.slug, name: { ja: provider.nameJa, en: provider.nameEn } },
      sharedFields: fields,
    });
  }

  return {
    memberId: input.memberId,
    locale: profile.locale === 'en' ? 'en' : 'ja',
    customerContact: contact,
    billingContact: { ...contact },
    lines,
    unavailableItems: cart.items.filter((item) => item.estimate === null || item.product === null),
    paymentMethods,
    paymentMethodRequired,
    consents,
    totals:
      lines.length > 0
        ? combineEstimates(
            lines.map((line) => line.estimate),
            taxRounding,
          )
        : null,
  };
}
