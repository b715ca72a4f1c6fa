// The checkout form's rules (contacts, order fields, payment method, consents): the API refuses by them and the
// web app's checkout names every problem by them before it asks for the confirmation. Pure: no server code here.
import type { BilingualMessage, FieldIssue } from '../errors.js';
import { phoneToE164 } from '../phone.js';

/** One order field as the catalog defines it: label, kind and the rules its value must meet. */
export interface OrderFieldRule {
  key: string;
  label: BilingualMessage;
  type: 'text' | 'textarea' | 'number' | 'email' | 'domain' | 'hostname' | 'select';
  required: boolean;
  validation: {
    pattern?: string | undefined;
    minLength?: number | undefined;
    maxLength?: number | undefined;
    min?: number | undefined;
    max?: number | undefined;
    choices?: { value: string; labelJa: string; labelEn: string }[] | undefined;
  };
}

/** A contact as the form holds it; the optional parts play no part in the rules. */
export interface CheckoutContactInput {
  name: string;
  email: string;
  phone: string;
}

/** What the rules need to know of a checkout: its lines' fields and payment problems, methods and documents. */
export interface CheckoutRulesView {
  lines: {
    itemId: string;
    paymentProblem: BilingualMessage | null;
    orderFields: readonly OrderFieldRule[];
  }[];
  paymentMethods: { method: string; available: boolean; reason: BilingualMessage | null }[];
  paymentMethodRequired: boolean;
  consents: { documentKey: string; version: string; title: BilingualMessage }[];
}

/** What the member entered. */
export interface CheckoutFormInput {
  customerContact: CheckoutContactInput;
  billingContact: CheckoutContactInput;
  orderFields: Record<string, Record<string, string> | undefined>;
  paymentMethod: string | null;
  consents: { documentKey: string; version: string }[];
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const hostnamePattern =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function issue(path: string, code: string, message: BilingualMessage): FieldIssue {
  return { path, code, message };
}

const required = (label: BilingualMessage): BilingualMessage => ({
  ja: `${label.ja}を入力してください。`,
  en: `Enter the ${label.en.toLowerCase()}.`,
});

const contactLabels = {
  name: { ja: 'お名前', en: 'Name' },
  email: { ja: 'メールアドレス', en: 'Email address' },
  phone: { ja: '電話番号', en: 'Phone number' },
};

/** The problems with one contact (name, email and phone are required). */
export function contactIssues(prefix: string, contact: CheckoutContactInput): FieldIssue[] {
  const found: FieldIssue[] = [];
  if (!contact.name.trim()) found.push(issue(`${prefix}.name`, 'required', required(contactLabels.name)));
  if (!contact.email.trim()) {
    found.push(issue(`${prefix}.email`, 'required', required(contactLabels.email)));
  } else if (!emailPattern.test(contact.email.trim())) {
    found.push(
      issue(`${prefix}.email`, 'invalid_email', {
        ja: 'メールアドレスの形式が正しくありません。',
        en: 'This is not a valid email address.',
      }),
    );
  }
  if (!contact.phone.trim()) {
    found.push(issue(`${prefix}.phone`, 'required', required(contactLabels.phone)));
  } else if (phoneToE164(contact.phone) === null) {
    found.push(
      issue(`${prefix}.phone`, 'invalid_phone', {
        ja: '電話番号は 03-1234-5678 のように入力してください。',
        en: 'Enter a phone number such as 03-1234-5678.',
      }),
    );
  }
  return found;
}

/** The problem with one order field's value, or null when it is fine. */
export function orderFieldProblem(
  field: OrderFieldRule,
  raw: string | undefined,
): { code: string; message: BilingualMessage } | null {
  const value = (raw ?? '').trim();
  const label = field.label;
  if (value === '') {
    return field.required ? { code: 'order_field_required', message: required(label) } : null;
  }
  const invalid = (ja: string, en: string) => ({
    code: 'order_field_invalid',
    message: { ja: `${label.ja}: ${ja}`, en: `${label.en}: ${en}` },
  });
  const v = field.validation;
  switch (field.type) {
    case 'number': {
      const n = Number(value);
      if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(n))
        return invalid('数値で入力してください。', 'enter a number.');
      if (v.min !== undefined && n < v.min)
        return invalid(`${v.min} 以上にしてください。`, `must be at least ${v.min}.`);
      if (v.max !== undefined && n > v.max)
        return invalid(`${v.max} 以下にしてください。`, `must be at most ${v.max}.`);
      return null;
    }
    case 'email':
      return emailPattern.test(value)
        ? null
        : invalid('メールアドレスの形式が正しくありません。', 'not a valid email address.');
    case 'domain':
      return domainPattern.test(value)
        ? null
        : invalid(
            'example.co.jp のようなドメイン名を入力してください。',
            'enter a domain name such as example.com.',
          );
    case 'hostname':
      return hostnamePattern.test(value)
        ? null
        : invalid('英数字とハイフン、ドットで入力してください。', 'use letters, digits, hyphens and dots.');
    case 'select':
      return v.choices?.some((c) => c.value === value)
        ? null
        : invalid('選択肢から選んでください。', 'choose one of the options.');
    default:
      if (v.minLength !== undefined && value.length < v.minLength) {
        return invalid(
          `${v.minLength} 文字以上で入力してください。`,
          `use at least ${v.minLength} characters.`,
        );
      }
      if (v.maxLength !== undefined && value.length > v.maxLength) {
        return invalid(
          `${v.maxLength} 文字以内で入力してください。`,
          `use at most ${v.maxLength} characters.`,
        );
      }
      if (v.pattern !== undefined && !new RegExp(`^(?:${v.pattern})$`, 'u').test(value)) {
        return invalid('形式が正しくありません。', 'the format is not valid.');
      }
      return null;
  }
}

/**
 * Every problem with the checkout form at once, each at its dotted path (`customerContact.name`,
 * `orderFields.<itemId>.<key>`, `paymentMethod`, `consents.<documentKey>`, `lines.<itemId>.paymentMethod`).
 */
export function checkoutFormIssues(checkout: CheckoutRulesView, input: CheckoutFormInput): FieldIssue[] {
  const fields: FieldIssue[] = [
    ...checkout.lines.flatMap((line) =>
      line.paymentProblem
        ? [issue(`lines.${line.itemId}.paymentMethod`, 'no_usable_payment_method', line.paymentProblem)]
        : [],
    ),
    ...contactIssues('customerContact', input.customerContact),
    ...contactIssues('billingContact', input.billingContact),
  ];

  for (const line of checkout.lines) {
    const given = input.orderFields[line.itemId] ?? {};
    for (const field of line.orderFields) {
      const problem = orderFieldProblem(field, given[field.key]);
      if (problem)
        fields.push(issue(`orderFields.${line.itemId}.${field.key}`, problem.code, problem.message));
    }
  }

  const chosen = checkout.paymentMethods.find((m) => m.method === input.paymentMethod);
  if (input.paymentMethod === null || input.paymentMethod === '') {
    if (checkout.paymentMethodRequired) {
      fields.push(
        issue('paymentMethod', 'payment_method_required', {
          ja: 'お支払い方法を選んでください。',
          en: 'Choose a payment method.',
        }),
      );
    }
  } else if (!chosen) {
    fields.push(
      issue('paymentMethod', 'payment_method_not_allowed', {
        ja: 'このお支払い方法はカートの商品ではご利用いただけません。',
        en: 'This payment method cannot be used for the products in your cart.',
      }),
    );
  } else if (!chosen.available) {
    fields.push(issue('paymentMethod', 'payment_method_unavailable', chosen.reason!));
  }

  for (const consent of checkout.consents) {
    const given = input.consents.find((c) => c.documentKey === consent.documentKey);
    if (!given) {
      fields.push(
        issue(`consents.${consent.documentKey}`, 'consent_required', {
          ja: `「${consent.title.ja}」に同意してください。`,
          en: `Agree to "${consent.title.en}".`,
        }),
      );
    } else if (given.version !== consent.version) {
      fields.push(
        issue(`consents.${consent.documentKey}`, 'consent_outdated', {
          ja: `「${consent.title.ja}」は改定されています。最新の内容をご確認のうえ、同意してください。`,
          en: `"${consent.title.en}" has been revised. Read the current version and agree to it.`,
        }),
      );
    }
  }

  return fields;
}
