// A whole product as operators and the demo seed write it: plans, terms, options and offers, usage, trial, order fields — validated once here.
import { z } from 'zod';
import {
  billingTimings,
  codePattern,
  confirmationRules,
  earlyTerminationKinds,
  isTermKey,
  orderFieldTypes,
  paymentMethodKeys,
  productKinds,
  quantityRuleValid,
  renewalModes,
  slugPattern,
  tierModes,
} from '../../domain/catalog.js';
import { tiersValid } from '../../domain/pricing.js';
import { taxRateKeys } from '../../domain/tax.js';
import { bilingualIssue } from '../../domain/validation.js';

const name = (max: number) =>
  z.object({ ja: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const text = (max: number) =>
  z
    .object({ ja: z.string().max(max).default(''), en: z.string().max(max).default('') })
    .default({ ja: '', en: '' });
const code = z.string().min(1).max(60).regex(codePattern);
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const taxRate = z.enum(taxRateKeys as ['standard', 'reduced']).default('standard');
const term = z.string().refine(
  isTermKey,
  bilingualIssue('term_invalid', {
    ja: '契約期間は monthly または 3m のように指定してください。',
    en: 'A term is `monthly` or a number of months such as `3m`.',
  }),
);
const quantity = z
  .object({ min: z.number().int().min(0), max: z.number().int().min(0), step: z.number().int().min(1) })
  .default({ min: 1, max: 1, step: 1 })
  .refine(
    quantityRuleValid,
    bilingualIssue('quantity_rule_invalid', {
      ja: '数量の下限は上限以下にしてください。',
      en: 'The minimum quantity must not exceed the maximum.',
    }),
  );
const documentKeys = z.array(z.string().min(1).max(80).regex(slugPattern)).max(20).default([]);

const usageComponentSchema = z.object({
  code,
  name: name(100),
  unit: name(30),
  taxRate,
  tierMode: z.enum(tierModes).default('graduated'),
  tiers: z
    .array(z.object({ upTo: z.number().int().min(1).nullable(), unitPrice: amount }))
    .min(1)
    .max(20)
    .refine(
      tiersValid,
      bilingualIssue('tiers_invalid', {
        ja: '段階は上限の昇順に並べ、最後の段階だけ上限なしにしてください。',
        en: 'Tiers ascend by limit and only the last one is open-ended.',
      }),
    ),
});

const planSchema = z.object({
  code,
  name: name(100),
  description: text(2000),
  taxRate,
  setupFee: amount.default(0),
  quantity,
  quantityUnit: text(30),
  minimumTermMonths: z.number().int().min(0).max(120).default(0),
  earlyTermination: z
    .object({ kind: z.enum(earlyTerminationKinds), fee: amount.nullable().default(null) })
    .default({ kind: 'none', fee: null })
    .refine(
      (e) => (e.kind === 'fixed') === (e.fee !== null),
      bilingualIssue('early_termination_fee', {
        ja: '中途解約金は「固定額」のときだけ金額を指定してください。',
        en: 'Give an early-termination fee exactly when the rule is `fixed`.',
      }),
    ),
  billingTiming: z.enum(billingTimings).default('in_advance'),
  confirmationRule: z.enum(confirmationRules).default('on_order'),
  renewalModes: z.array(z.enum(renewalModes)).min(1).default(['auto', 'manual']),
  terms: z
    .array(z.object({ term, price: amount }))
    .min(1)
    .max(12),
  usageComponents: z.array(usageComponentSchema).max(20).default([]),
});

const optionSchema = z.object({
  code,
  name: name(100),
  description: text(2000),
  required: z.boolean().default(false),
  choiceGroup: code.nullable().default(null),
  taxRate,
  setupFee: amount.default(0),
  quantity,
  quantityUnit: text(30),
  termsDocuments: documentKeys,
  offers: z
    .array(z.object({ plan: code, term, price: amount, included: z.boolean().default(false) }))
    .min(1)
    .max(200),
});

const orderFieldSchema = z.object({
  key: code,
  label: name(100),
  help: text(500),
  type: z.enum(orderFieldTypes),
  required: z.boolean().default(false),
  validation: z
    .object({
      pattern: z.string().max(200).optional(),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(1).max(2000).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      choices: z
        .array(
          z.object({
            value: z.string().min(1).max(100),
            labelJa: z.string().min(1),
            labelEn: z.string().min(1),
          }),
        )
        .max(100)
        .optional(),
    })
    .default({}),
});

/** The whole definition of a product; plans and options are matched by code on update, so their ids stay. */
export const productDefinitionSchema = z
  .object({
    slug: z.string().min(2).max(80).regex(slugPattern),
    /** The provider's slug or id. */
    provider: z.string().min(1).max(100),
    kind: z.enum(productKinds),
    name: name(200),
    summary: text(500),
    description: text(20000),
    images: z
      .array(
        z.object({
          // A path on this store (`/images/…`) or an https address; the page's CSP allows nothing else.
          url: z
            .string()
            .min(1)
            .max(500)
            .regex(
              /^(\/[^/\\]|https:\/\/)[^\s"'<>]*$/,
              'an image is a path on this store (/…) or an https:// address',
            ),
          alt: z.string().max(200).default(''),
        }),
      )
      .max(10)
      .default([]),
    category: z.string().trim().min(1).max(60),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    termsDocuments: documentKeys,
    paymentMethods: z.array(z.enum(paymentMethodKeys)).min(1),
    leadTimeDays: z.number().int().min(0).max(365).nullable().default(null),
    leadTimeNote: text(500),
    checkoutNote: text(2000),
    sortOrder: z.number().int().min(-1000000).max(1000000).default(0),
    /** Months before a term's end a manual renewal may be applied for (seed 004: 2). */
    renewalWindowMonths: z.number().int().min(0).max(12).default(2),
    /** How a contract change within a term is charged for the rest of it (`none`: the full difference). */
    proration: z.enum(['none', 'daily', 'monthly']).default('none'),
    /** False: a contract keeps the quantity it was ordered with (seed 000: FJcloud IDs). */
    quantityChangeable: z.boolean().default(true),
    /** Software only: machines one licence may be activated on at once (seed 004's products: 2). */
    licenceMachineLimit: z.number().int().min(1).max(1000).default(2),
    plans: z.array(planSchema).min(1).max(50),
    options: z.array(optionSchema).max(100).default([]),
    trial: z
      .object({
        days: z.number().int().min(1).max(365),
        plan: code,
        conditionsDocument: z.string().min(1).max(80).regex(slugPattern),
        paymentMethodRequired: z.boolean().default(false),
        /** At the trial's end: convert to the paid plan chosen at order, or end the contract. */
        atEnd: z.enum(['convert', 'end']).default('convert'),
      })
      .nullable()
      .default(null),
    orderFields: z.array(orderFieldSchema).max(50).default([]),
  })
  .superRefine((def, ctx) => {
    const issue = (path: (string | number)[], code: string, ja: string, en: string) =>
      ctx.addIssue({ ...bilingualIssue(code, { ja, en }), path });
    const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    for (const dup of duplicates(def.plans.map((p) => p.code))) {
      issue(
        ['plans'],
        'duplicate_code',
        `プランのコード「${dup}」が重複しています。`,
        `The plan code "${dup}" is used twice.`,
      );
    }
    for (const dup of duplicates(def.options.map((o) => o.code))) {
      issue(
        ['options'],
        'duplicate_code',
        `オプションのコード「${dup}」が重複しています。`,
        `The option code "${dup}" is used twice.`,
      );
    }
    for (const dup of duplicates(def.orderFields.map((f) => f.key))) {
      issue(
        ['orderFields'],
        'duplicate_code',
        `注文項目「${dup}」が重複しています。`,
        `The order field "${dup}" is defined twice.`,
      );
    }
    for (const [p, plan] of def.plans.entries()) {
      for (const dup of duplicates(plan.terms.map((t) => t.term))) {
        issue(
          ['plans', p, 'terms'],
          'duplicate_term',
          `契約期間「${dup}」が重複しています。`,
          `The term "${dup}" is listed twice.`,
        );
      }
      for (const dup of duplicates(plan.usageComponents.map((u) => u.code))) {
        issue(
          ['plans', p, 'usageComponents'],
          'duplicate_code',
          `従量項目「${dup}」が重複しています。`,
          `The usage component "${dup}" is defined twice.`,
        );
      }
    }
    for (const [o, option] of def.options.entries()) {
      const seen = new Set<string>();
      for (const [i, offer] of option.offers.entries()) {
        const plan = def.plans.find((p) => p.code === offer.plan);
        if (!plan?.terms.some((t) => t.term === offer.term)) {
          issue(
            ['options', o, 'offers', i],
            'offer_plan_term_unknown',
            `プラン「${offer.plan}」に契約期間「${offer.term}」はありません。`,
            `The plan "${offer.plan}" has no term "${offer.term}".`,
          );
        }
        const key = `${offer.plan}/${offer.term}`;
        if (seen.has(key)) {
          issue(
            ['options', o, 'offers', i],
            'duplicate_offer',
            `「${key}」が重複しています。`,
            `"${key}" is listed twice.`,
          );
        }
        seen.add(key);
      }
    }
    if (def.trial && !def.plans.some((p) => p.code === def.trial!.plan)) {
      issue(
        ['trial', 'plan'],
        'trial_plan_unknown',
        `プラン「${def.trial.plan}」はありません。`,
        `There is no plan "${def.trial.plan}".`,
      );
    }
  });

/** A validated product definition (defaults filled in). */
export type ProductDefinition = z.output<typeof productDefinitionSchema>;
/** A product definition as written, before defaults. */
export type ProductDefinitionInput = z.input<typeof productDefinitionSchema>;
