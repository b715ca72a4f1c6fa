// The product editor's form model: the definition the admin API reads and takes back, with empty inputs kept as '' until they are sent.
export type Num = number | '';
export interface Bilingual {
  ja: string;
  en: string;
}
export interface QuantityRule {
  min: Num;
  max: Num;
  step: Num;
}
export interface TermPrice {
  term: string;
  price: Num;
}
export interface Tier {
  /** '' is open-ended (the last tier). */
  upTo: Num;
  unitPrice: Num;
}
export interface UsageComponent {
  code: string;
  name: Bilingual;
  unit: Bilingual;
  taxRate: string;
  tierMode: string;
  tiers: Tier[];
}
export interface Plan {
  code: string;
  name: Bilingual;
  description: Bilingual;
  taxRate: string;
  setupFee: Num;
  quantity: QuantityRule;
  quantityUnit: Bilingual;
  minimumTermMonths: Num;
  earlyTermination: { kind: string; fee: Num };
  billingTiming: string;
  confirmationRule: string;
  renewalModes: string[];
  terms: TermPrice[];
  usageComponents: UsageComponent[];
}
export interface Offer {
  plan: string;
  term: string;
  price: Num;
  included: boolean;
}
export interface Option {
  code: string;
  name: Bilingual;
  description: Bilingual;
  /** The option's kind on screen: required, optional, or included in the price (every offer included). */
  required: boolean;
  choiceGroup: string;
  taxRate: string;
  setupFee: Num;
  quantity: QuantityRule;
  quantityUnit: Bilingual;
  termsDocuments: string[];
  offers: Offer[];
}
export interface Choice {
  value: string;
  labelJa: string;
  labelEn: string;
}
export interface OrderField {
  key: string;
  label: Bilingual;
  help: Bilingual;
  type: string;
  required: boolean;
  validation: { pattern: string; minLength: Num; maxLength: Num; min: Num; max: Num; choices: Choice[] };
}
export interface Trial {
  days: Num;
  plan: string;
  conditionsDocument: string;
  paymentMethodRequired: boolean;
}
export interface Definition {
  slug: string;
  provider: string;
  kind: string;
  name: Bilingual;
  summary: Bilingual;
  description: Bilingual;
  images: { url: string; alt: string }[];
  category: string;
  tags: string[];
  termsDocuments: string[];
  paymentMethods: string[];
  leadTimeDays: Num;
  leadTimeNote: Bilingual;
  checkoutNote: Bilingual;
  sortOrder: Num;
  /** Contract rules, edited in the form's "advanced" section: most products keep the defaults. */
  proration: 'none' | 'daily' | 'monthly';
  quantityChangeable: boolean;
  renewalWindowMonths: Num;
  licenceMachineLimit: Num;
  plans: Plan[];
  options: Option[];
  trial: Trial | null;
  orderFields: OrderField[];
}

export const productKinds = ['cloud', 'saas', 'hosting', 'software', 'service', 'other'] as const;
export const paymentMethods = ['card', 'bank_transfer', 'direct_debit', 'agency', 'wallet'] as const;
export const taxRates = ['standard', 'reduced'] as const;
export const billingTimings = ['in_advance', 'in_arrears'] as const;
export const confirmationRules = [
  'on_order',
  'usage_month_13',
  'next_month_13',
  'month_after_next_13',
] as const;
export const renewalModes = ['auto', 'manual'] as const;
export const earlyTerminationKinds = ['none', 'remaining_months', 'fixed'] as const;
export const orderFieldTypes = [
  'text',
  'textarea',
  'number',
  'email',
  'domain',
  'hostname',
  'select',
] as const;
export const tierModes = ['graduated', 'volume'] as const;

const blank = (): Bilingual => ({ ja: '', en: '' });

export function newPlan(): Plan {
  return {
    code: '',
    name: blank(),
    description: blank(),
    taxRate: 'standard',
    setupFee: 0,
    quantity: { min: 1, max: 1, step: 1 },
    quantityUnit: blank(),
    minimumTermMonths: 0,
    earlyTermination: { kind: 'none', fee: '' },
    billingTiming: 'in_advance',
    confirmationRule: 'on_order',
    renewalModes: ['auto', 'manual'],
    terms: [{ term: 'monthly', price: '' }],
    usageComponents: [],
  };
}

export function newUsageComponent(): UsageComponent {
  return {
    code: '',
    name: blank(),
    unit: blank(),
    taxRate: 'standard',
    tierMode: 'graduated',
    tiers: [{ upTo: '', unitPrice: '' }],
  };
}

export function newOption(): Option {
  return {
    code: '',
    name: blank(),
    description: blank(),
    required: false,
    choiceGroup: '',
    taxRate: 'standard',
    setupFee: 0,
    quantity: { min: 1, max: 1, step: 1 },
    quantityUnit: blank(),
    termsDocuments: [],
    offers: [],
  };
}

export function newOrderField(): OrderField {
  return {
    key: '',
    label: blank(),
    help: blank(),
    type: 'text',
    required: false,
    validation: { pattern: '', minLength: '', maxLength: '', min: '', max: '', choices: [] },
  };
}

export function newDefinition(): Definition {
  return {
    slug: '',
    provider: '',
    kind: 'saas',
    name: blank(),
    summary: blank(),
    description: blank(),
    images: [],
    category: '',
    tags: [],
    termsDocuments: [],
    paymentMethods: ['card'],
    leadTimeDays: '',
    leadTimeNote: blank(),
    checkoutNote: blank(),
    sortOrder: 0,
    proration: 'none',
    quantityChangeable: true,
    renewalWindowMonths: 2,
    licenceMachineLimit: 2,
    plans: [newPlan()],
    options: [],
    trial: null,
    orderFields: [],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the API answers the stored definition as an untyped record.
type Raw = any;
const num = (v: unknown): Num => (typeof v === 'number' ? v : '');
const bi = (v: Raw): Bilingual => ({ ja: v?.ja ?? '', en: v?.en ?? '' });
const quantity = (q: Raw): QuantityRule => ({ min: num(q?.min), max: num(q?.max), step: num(q?.step) });

/** The form model of a stored definition (as GET /api/admin/catalog/products/{id} answers it). */
export function fromApi(raw: Raw, providerId: string): Definition {
  return {
    slug: raw.slug ?? '',
    // The stored definition names the provider as written (slug or id); the form selects by id.
    provider: providerId,
    kind: raw.kind ?? 'saas',
    name: bi(raw.name),
    summary: bi(raw.summary),
    description: bi(raw.description),
    images: (raw.images ?? []).map((i: Raw) => ({ url: i.url ?? '', alt: i.alt ?? '' })),
    category: raw.category ?? '',
    tags: raw.tags ?? [],
    termsDocuments: raw.termsDocuments ?? [],
    paymentMethods: raw.paymentMethods ?? [],
    leadTimeDays: num(raw.leadTimeDays),
    leadTimeNote: bi(raw.leadTimeNote),
    checkoutNote: bi(raw.checkoutNote),
    sortOrder: num(raw.sortOrder),
    proration: raw.proration ?? 'none',
    quantityChangeable: raw.quantityChangeable ?? true,
    renewalWindowMonths: raw.renewalWindowMonths ?? 2,
    licenceMachineLimit: raw.licenceMachineLimit ?? 2,
    plans: (raw.plans ?? []).map(
      (p: Raw): Plan => ({
        code: p.code,
        name: bi(p.name),
        description: bi(p.description),
        taxRate: p.taxRate ?? 'standard',
        setupFee: num(p.setupFee),
        quantity: quantity(p.quantity),
        quantityUnit: bi(p.quantityUnit),
        minimumTermMonths: num(p.minimumTermMonths),
        earlyTermination: { kind: p.earlyTermination?.kind ?? 'none', fee: num(p.earlyTermination?.fee) },
        billingTiming: p.billingTiming ?? 'in_advance',
        confirmationRule: p.confirmationRule ?? 'on_order',
        renewalModes: p.renewalModes ?? ['auto', 'manual'],
        terms: (p.terms ?? []).map((t: Raw) => ({ term: t.term, price: num(t.price) })),
        usageComponents: (p.usageComponents ?? []).map(
          (u: Raw): UsageComponent => ({
            code: u.code,
            name: bi(u.name),
            unit: bi(u.unit),
            taxRate: u.taxRate ?? 'standard',
            tierMode: u.tierMode ?? 'graduated',
            tiers: (u.tiers ?? []).map((t: Raw) => ({ upTo: num(t.upTo), unitPrice: num(t.unitPrice) })),
          }),
        ),
      }),
    ),
    options: (raw.options ?? []).map(
      (o: Raw): Option => ({
        code: o.code,
        name: bi(o.name),
        description: bi(o.description),
        required: o.required ?? false,
        choiceGroup: o.choiceGroup ?? '',
        taxRate: o.taxRate ?? 'standard',
        setupFee: num(o.setupFee),
        quantity: quantity(o.quantity),
        quantityUnit: bi(o.quantityUnit),
        termsDocuments: o.termsDocuments ?? [],
        offers: (o.offers ?? []).map((f: Raw) => ({
          plan: f.plan,
          term: f.term,
          price: num(f.price),
          included: f.included ?? false,
        })),
      }),
    ),
    trial: raw.trial
      ? {
          days: num(raw.trial.days),
          plan: raw.trial.plan ?? '',
          conditionsDocument: raw.trial.conditionsDocument ?? '',
          paymentMethodRequired: raw.trial.paymentMethodRequired ?? false,
        }
      : null,
    orderFields: (raw.orderFields ?? []).map(
      (f: Raw): OrderField => ({
        key: f.key,
        label: bi(f.label),
        help: bi(f.help),
        type: f.type ?? 'text',
        required: f.required ?? false,
        validation: {
          pattern: f.validation?.pattern ?? '',
          minLength: num(f.validation?.minLength),
          maxLength: num(f.validation?.maxLength),
          min: num(f.validation?.min),
          max: num(f.validation?.max),
          choices: f.validation?.choices ?? [],
        },
      }),
    ),
  };
}

// An empty required number is left out, so the server names that field (or fills its default).
const req = (v: Num) => (v === '' ? undefined : v);
// An empty nullable number is null: "no lead time", "open-ended tier", "no fee".
const nullable = (v: Num) => (v === '' ? null : v);
const optionalText = (v: string) => (v === '' ? undefined : v);

/** The body of POST/PUT /api/admin/catalog/products; the server validates it and names every failing field. */
export function toApi(d: Definition): Record<string, unknown> {
  return {
    ...d,
    leadTimeDays: nullable(d.leadTimeDays),
    sortOrder: req(d.sortOrder),
    renewalWindowMonths: req(d.renewalWindowMonths),
    licenceMachineLimit: req(d.licenceMachineLimit),
    images: d.images,
    plans: d.plans.map((p) => ({
      ...p,
      setupFee: req(p.setupFee),
      quantity: { min: req(p.quantity.min), max: req(p.quantity.max), step: req(p.quantity.step) },
      minimumTermMonths: req(p.minimumTermMonths),
      earlyTermination: { kind: p.earlyTermination.kind, fee: nullable(p.earlyTermination.fee) },
      terms: p.terms.map((t) => ({ term: t.term, price: req(t.price) })),
      usageComponents: p.usageComponents.map((u) => ({
        ...u,
        tiers: u.tiers.map((t) => ({ upTo: nullable(t.upTo), unitPrice: req(t.unitPrice) })),
      })),
    })),
    options: d.options.map((o) => ({
      ...o,
      choiceGroup: o.choiceGroup === '' ? null : o.choiceGroup,
      setupFee: req(o.setupFee),
      quantity: { min: req(o.quantity.min), max: req(o.quantity.max), step: req(o.quantity.step) },
      offers: o.offers.map((f) => ({ ...f, price: req(f.price) })),
    })),
    trial: d.trial ? { ...d.trial, days: req(d.trial.days) } : null,
    orderFields: d.orderFields.map((f) => {
      const v = f.validation;
      const choices = f.type === 'select' ? v.choices : undefined;
      return {
        ...f,
        validation: {
          pattern: optionalText(v.pattern),
          minLength: v.minLength === '' ? undefined : v.minLength,
          maxLength: v.maxLength === '' ? undefined : v.maxLength,
          min: v.min === '' ? undefined : v.min,
          max: v.max === '' ? undefined : v.max,
          choices,
        },
      };
    }),
  };
}

/** The list with one item moved up (-1) or down (+1); unchanged at the ends. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
