// Order rules: the line status machine and the order number format.
import { describe, expect, it } from 'vitest';
import {
  assertOrderLineTransition,
  DEFAULT_ORDER_NUMBER_FORMAT,
  formatOrderNumber,
  orderLineStatuses,
  orderLineTransitions,
  parseOrderNumberFormat,
} from '../../src/domain/orders.js';

describe('order line status machine', () => {
  it('goes received → preparing → started, or to rejected, and never back', () => {
    expect(orderLineTransitions).toEqual({
      received: ['preparing', 'started', 'rejected'],
      preparing: ['started', 'rejected'],
      started: [],
      rejected: [],
    });
    expect(() => assertOrderLineTransition('received', 'preparing')).not.toThrow();
    for (const from of ['started', 'rejected'] as const) {
      for (const to of orderLineStatuses) {
        expect(() => assertOrderLineTransition(from, to)).toThrow(
          expect.objectContaining({ code: 'order_line_transition_not_allowed', status: 409 }),
        );
      }
    }
    expect(() => assertOrderLineTransition('preparing', 'received')).toThrow(
      expect.objectContaining({
        messages: expect.objectContaining({ ja: expect.stringContaining('「準備中」から「受付済」') }),
      }),
    );
  });
});

describe('order numbers', () => {
  it('formats the default as K2026-000001', () => {
    expect(formatOrderNumber(DEFAULT_ORDER_NUMBER_FORMAT, 2026, 1)).toBe('K2026-000001');
    expect(formatOrderNumber(DEFAULT_ORDER_NUMBER_FORMAT, 2027, 123456)).toBe('K2027-123456');
  });

  it('takes other formats and never cuts a sequence that outgrew its padding', () => {
    expect(formatOrderNumber('ORD-{YY}{SEQ:4}', 2026, 42)).toBe('ORD-260042');
    expect(formatOrderNumber('{YYYY}/{SEQ:3}', 2026, 1234)).toBe('2026/1234');
  });

  it('refuses formats that could repeat a number or hold odd characters', () => {
    for (const bad of [
      'K-{SEQ:6}',
      'K{YYYY}',
      '{YYYY}{YY}-{SEQ:3}',
      '{YYYY}-{SEQ:0}',
      'Ｋ{YYYY}-{SEQ:6}',
      '{YYYY} {SEQ:6}',
    ]) {
      expect(() => parseOrderNumberFormat(bad), bad).toThrow(
        expect.objectContaining({ code: 'order_number_format_invalid', status: 422 }),
      );
    }
  });
});
