// Writes a validated product definition under one product id inside the caller's transaction; shared by create and update.
import { and, eq, inArray, lte, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  catalogOptionOffers,
  catalogOptions,
  catalogOrderFields,
  catalogPlans,
  catalogPlanTerms,
  catalogProducts,
  catalogProviders,
  catalogTermsDocuments,
  catalogTrials,
  catalogUsageComponents,
} from '../../db/schema/catalog.js';
import { type TermKey, termMonths } from '../../domain/catalog.js';
import { newId } from '../../domain/ids.js';
import { yen, yenToDb } from '../../domain/money.js';
import { catalogErrors } from './catalog-errors.js';
import type { ProductDefinition } from './product-definition.js';
import { refreshProductSearch } from './refresh-product-search.js';

export interface WriteProductDefinitionInput {
  productId: string;
  definition: ProductDefinition;
  /** Set for a new product; an existing product keeps its status. */
  create: boolean;
  at: Date;
}

/**
 * Inserts or replaces everything under a product. Plans and options are matched by code so their ids
 * survive edits (orders will name them); the ones left out are archived, not deleted. Terms, offers,
 * usage components and order fields are values and are rewritten.
 */
export async function writeProductDefinition(tx: Tx, input: WriteProductDefinitionInput): Promise<void> {
  const { productId, definition: def, at } = input;
  const [provider] = await tx
    .select({ id: catalogProviders.id })
    .from(catalogProviders)
    .where(or(eq(catalogProviders.slug, def.provider), eq(catalogProviders.id, def.provider)));
  if (!provider) throw catalogErrors.providerUnknown(def.provider);

  const documentKeys = [
    ...new Set([
      ...def.termsDocuments,
      ...def.options.flatMap((o) => o.termsDocuments),
      ...(def.trial ? [def.trial.conditionsDocument] : []),
    ]),
  ];
  if (documentKeys.length > 0) {
    const published = await tx
      .selectDistinct({ key: catalogTermsDocuments.key })
      .from(catalogTermsDocuments)
      .where(
        and(inArray(catalogTermsDocuments.key, documentKeys), lte(catalogTermsDocuments.publishedAt, at)),
      );
    const missing = documentKeys.filter((key) => !published.some((p) => p.key === key));
    if (missing.length > 0) {
      const named = [
        ...def.termsDocuments.map((key, i) => ({ path: `termsDocuments.${i}`, key })),
        ...def.options.flatMap((o, oi) =>
          o.termsDocuments.map((key, i) => ({ path: `options.${oi}.termsDocuments.${i}`, key })),
        ),
        ...(def.trial ? [{ path: 'trial.conditionsDocument', key: def.trial.conditionsDocument }] : []),
      ];
      throw catalogErrors.termsDocumentUnknown(
        missing,
        named.filter((n) => missing.includes(n.key)),
      );
    }
  }

  const [slugHolder] = await tx
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(and(eq(catalogProducts.slug, def.slug), ne(catalogProducts.id, productId)));
  if (slugHolder) throw catalogErrors.slugTaken(def.slug);

  const productValues = {
    slug: def.slug,
    providerId: provider.id,
    kind: def.kind,
    nameJa: def.name.ja,
    nameEn: def.name.en,
    summaryJa: def.summary.ja,
    summaryEn: def.summary.en,
    descriptionJa: def.description.ja,
    descriptionEn: def.description.en,
    images: def.images,
    category: def.category,
    tags: def.tags,
    termsDocumentKeys: def.termsDocuments,
    paymentMethods: def.paymentMethods,
    leadTimeDays: def.leadTimeDays,
    renewalWindowMonths: def.renewalWindowMonths,
    proration: def.proration,
    quantityChangeable: def.quantityChangeable,
    licenceMachineLimit: def.licenceMachineLimit,
    leadTimeNoteJa: def.leadTimeNote.ja,
    leadTimeNoteEn: def.leadTimeNote.en,
    checkoutNoteJa: def.checkoutNote.ja,
    checkoutNoteEn: def.checkoutNote.en,
    sortOrder: def.sortOrder,
    updatedAt: at,
  };
  if (input.create) {
    await tx
      .insert(catalogProducts)
      .values({ id: productId, status: 'draft', createdAt: at, ...productValues });
  } else {
    await tx.update(catalogProducts).set(productValues).where(eq(catalogProducts.id, productId));
  }

  // Plans, matched by code.
  const existingPlans = await tx.select().from(catalogPlans).where(eq(catalogPlans.productId, productId));
  const planIds = new Map<string, string>();
  for (const [index, plan] of def.plans.entries()) {
    const values = {
      nameJa: plan.name.ja,
      nameEn: plan.name.en,
      descriptionJa: plan.description.ja,
      descriptionEn: plan.description.en,
      taxRate: plan.taxRate,
      setupFee: yenToDb(yen(plan.setupFee)),
      quantityMin: plan.quantity.min,
      quantityMax: plan.quantity.max,
      quantityStep: plan.quantity.step,
      quantityUnitJa: plan.quantityUnit.ja,
      quantityUnitEn: plan.quantityUnit.en,
      minimumTermMonths: plan.minimumTermMonths,
      earlyTermination: plan.earlyTermination.kind,
      earlyTerminationFee:
        plan.earlyTermination.fee === null ? null : yenToDb(yen(plan.earlyTermination.fee)),
      billingTiming: plan.billingTiming,
      confirmationRule: plan.confirmationRule,
      renewalModes: plan.renewalModes,
      sortOrder: index,
      archived: false,
    };
    const existing = existingPlans.find((p) => p.code === plan.code);
    if (existing) {
      await tx.update(catalogPlans).set(values).where(eq(catalogPlans.id, existing.id));
      planIds.set(plan.code, existing.id);
    } else {
      const id = newId('plan');
      await tx.insert(catalogPlans).values({ id, productId, code: plan.code, ...values });
      planIds.set(plan.code, id);
    }
  }
  const archivedPlans = existingPlans.filter((p) => !planIds.has(p.code)).map((p) => p.id);
  if (archivedPlans.length) {
    await tx.update(catalogPlans).set({ archived: true }).where(inArray(catalogPlans.id, archivedPlans));
  }
  const allPlanIds = existingPlans.map((p) => p.id).concat([...planIds.values()]);
  // Offers hang on plan terms (cascade), so they go with them and are written again below.
  await tx.delete(catalogPlanTerms).where(inArray(catalogPlanTerms.planId, allPlanIds));
  await tx.delete(catalogUsageComponents).where(inArray(catalogUsageComponents.planId, allPlanIds));
  for (const plan of def.plans) {
    const planId = planIds.get(plan.code)!;
    await tx.insert(catalogPlanTerms).values(
      plan.terms.map((t) => ({
        planId,
        term: t.term,
        months: termMonths(t.term as TermKey),
        price: yenToDb(yen(t.price)),
      })),
    );
    if (plan.usageComponents.length) {
      await tx.insert(catalogUsageComponents).values(
        plan.usageComponents.map((u, index) => ({
          id: newId('usageComponent'),
          planId,
          code: u.code,
          nameJa: u.name.ja,
          nameEn: u.name.en,
          unitJa: u.unit.ja,
          unitEn: u.unit.en,
          taxRate: u.taxRate,
          tierMode: u.tierMode,
          tiers: u.tiers,
          sortOrder: index,
        })),
      );
    }
  }

  // Options, matched by code.
  const existingOptions = await tx
    .select()
    .from(catalogOptions)
    .where(eq(catalogOptions.productId, productId));
  const optionIds = new Map<string, string>();
  for (const [index, option] of def.options.entries()) {
    const values = {
      nameJa: option.name.ja,
      nameEn: option.name.en,
      descriptionJa: option.description.ja,
      descriptionEn: option.description.en,
      required: option.required,
      choiceGroup: option.choiceGroup,
      taxRate: option.taxRate,
      setupFee: yenToDb(yen(option.setupFee)),
      quantityMin: option.quantity.min,
      quantityMax: option.quantity.max,
      quantityStep: option.quantity.step,
      quantityUnitJa: option.quantityUnit.ja,
      quantityUnitEn: option.quantityUnit.en,
      termsDocumentKeys: option.termsDocuments,
      sortOrder: index,
      archived: false,
    };
    const existing = existingOptions.find((o) => o.code === option.code);
    if (existing) {
      await tx.update(catalogOptions).set(values).where(eq(catalogOptions.id, existing.id));
      optionIds.set(option.code, existing.id);
    } else {
      const id = newId('option');
      await tx.insert(catalogOptions).values({ id, productId, code: option.code, ...values });
      optionIds.set(option.code, id);
    }
  }
  const archivedOptions = existingOptions.filter((o) => !optionIds.has(o.code)).map((o) => o.id);
  if (archivedOptions.length) {
    await tx
      .update(catalogOptions)
      .set({ archived: true })
      .where(inArray(catalogOptions.id, archivedOptions));
  }
  const allOptionIds = existingOptions.map((o) => o.id).concat([...optionIds.values()]);
  if (allOptionIds.length) {
    await tx.delete(catalogOptionOffers).where(inArray(catalogOptionOffers.optionId, allOptionIds));
  }
  for (const option of def.options) {
    await tx.insert(catalogOptionOffers).values(
      option.offers.map((offer) => ({
        optionId: optionIds.get(option.code)!,
        planId: planIds.get(offer.plan)!,
        term: offer.term,
        price: yenToDb(yen(offer.price)),
        included: offer.included,
      })),
    );
  }

  // The trial: one row per product, switched off rather than deleted.
  if (def.trial) {
    const values = {
      days: def.trial.days,
      planId: planIds.get(def.trial.plan)!,
      conditionsDocumentKey: def.trial.conditionsDocument,
      paymentMethodRequired: def.trial.paymentMethodRequired,
      atEnd: def.trial.atEnd,
      active: true,
    };
    await tx
      .insert(catalogTrials)
      .values({ id: newId('trial'), productId, ...values })
      .onConflictDoUpdate({ target: catalogTrials.productId, set: values });
  } else {
    await tx.update(catalogTrials).set({ active: false }).where(eq(catalogTrials.productId, productId));
  }

  await tx.delete(catalogOrderFields).where(eq(catalogOrderFields.productId, productId));
  if (def.orderFields.length) {
    await tx.insert(catalogOrderFields).values(
      def.orderFields.map((f, index) => ({
        id: newId('orderField'),
        productId,
        key: f.key,
        labelJa: f.label.ja,
        labelEn: f.label.en,
        helpJa: f.help.ja,
        helpEn: f.help.en,
        type: f.type,
        required: f.required,
        validation: f.validation,
        sortOrder: index,
      })),
    );
  }

  // The storefront searches and sorts on columns derived from what was just written.
  await refreshProductSearch(tx, [productId]);
}
