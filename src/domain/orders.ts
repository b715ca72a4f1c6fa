// Order rules as data: the line status machine (受付済 → 準備中 → 提供開始, or 不可) and the order number format.
import { AppError } from './errors.js';

/**
 * A line's status. `received`: the order is in (受付済); `preparing`: the provider is setting it up (準備中);
 * `started`: the service started on a date the provider or an operator gave (提供開始); `rejected`: it
 * cannot be provided, with a reason (不可). Orders themselves cannot be cancelled (seed 001): the member
 * cancels the contract instead.
 */
export const orderLineStatuses = ['received', 'preparing', 'started', 'rejected'] as const;
export type OrderLineStatus = (typeof orderLineStatuses)[number];

/**
 * An order's status as lists show it, derived from its lines (ordering's `deriveOrderStatus`):
 * `received` until a line moves, `in_progress`, then `completed` or `rejected`.
 */
export const orderStatuses = ['received', 'in_progress', 'completed', 'rejected'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Readonly<Record<'ja' | 'en', Readonly<Record<OrderStatus, string>>>> = {
  ja: { received: '受付済', in_progress: '準備中', completed: '提供開始', rejected: '不可' },
  en: {
    received: 'Received',
    in_progress: 'In progress',
    completed: 'Service started',
    rejected: 'Not possible',
  },
};

export const orderLineTransitions: Readonly<Record<OrderLineStatus, readonly OrderLineStatus[]>> = {
  received: ['preparing', 'started', 'rejected'],
  preparing: ['started', 'rejected'],
  started: [],
  rejected: [],
};

/** Throws `order_line_transition_not_allowed` (409) for a step the machine does not have. */
export function assertOrderLineTransition(from: OrderLineStatus, to: OrderLineStatus): void {
  if (orderLineTransitions[from].includes(to)) return;
  throw new AppError({
    code: 'order_line_transition_not_allowed',
    status: 409,
    message: {
      ja: `お申し込みの状態を「${orderLineStatusLabels.ja[from]}」から「${orderLineStatusLabels.ja[to]}」に変えることはできません。`,
      en: `An order line cannot go from "${orderLineStatusLabels.en[from]}" to "${orderLineStatusLabels.en[to]}".`,
    },
  });
}

export const orderLineStatusLabels: Readonly<Record<'ja' | 'en', Readonly<Record<OrderLineStatus, string>>>> =
  {
    ja: { received: '受付済', preparing: '準備中', started: '提供開始', rejected: '不可' },
    en: {
      received: 'Received',
      preparing: 'Preparing',
      started: 'Service started',
      rejected: 'Not possible',
    },
  };

/**
 * The order number format: literal text with `{YYYY}` (or `{YY}`) for the store's calendar year and
 * `{SEQ:n}` for the year's sequence padded to n digits (1–9). The year is required because the sequence
 * restarts every year and a number must never be reused; the default gives `K2026-000001`.
 */
export const DEFAULT_ORDER_NUMBER_FORMAT = 'K{YYYY}-{SEQ:6}';

const tokenPattern = /\{(YYYY|YY|SEQ:([1-9]))\}/g;
const literalPattern = /^[A-Za-z0-9_\-/.#]*$/;

/** Checks a format; `order_number_format_invalid` (422) says what is wrong. */
export function parseOrderNumberFormat(format: string): string {
  const tokens = [...format.matchAll(tokenPattern)].map((m) => m[1]!);
  const years = tokens.filter((t) => t === 'YYYY' || t === 'YY').length;
  const sequences = tokens.filter((t) => t.startsWith('SEQ:')).length;
  const literal = format.replace(tokenPattern, '');
  if (years !== 1 || sequences !== 1 || !literalPattern.test(literal) || format.length > 40) {
    const message = {
      ja: '注文番号の書式には {YYYY} か {YY} を 1 つと {SEQ:桁数} を 1 つ入れ、ほかは英数字と - _ / . # だけにしてください（例: K{YYYY}-{SEQ:6}）。',
      en: 'An order number format needs exactly one {YYYY} or {YY} and one {SEQ:digits}, and otherwise only letters, digits and - _ / . # (e.g. K{YYYY}-{SEQ:6}).',
    };
    throw new AppError({
      code: 'order_number_format_invalid',
      status: 422,
      message,
      fields: [{ path: 'orderNumberFormat', code: 'order_number_format_invalid', message }],
    });
  }
  return format;
}

/**
 * The number for `sequence` in `year`. A sequence longer than its padding is printed whole rather than cut,
 * so numbers stay unique even when a year outgrows the format.
 */
export function formatOrderNumber(format: string, year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`bad order sequence ${sequence}`);
  return parseOrderNumberFormat(format).replace(tokenPattern, (_, token: string, digits?: string) => {
    if (token === 'YYYY') return String(year).padStart(4, '0');
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    return String(sequence).padStart(Number(digits), '0');
  });
}
