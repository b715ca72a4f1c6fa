// The inquiry status machine and number format, as data.
import { describe, expect, it } from 'vitest';
import { canTransitionInquiry, formatInquiryNumber, inquiryStatuses } from '../../src/domain/inquiries.js';

describe('inquiry status machine', () => {
  it('allows exactly new → in_progress → answered → closed, answered → in_progress, and closing any open one', () => {
    const allowed = inquiryStatuses.flatMap((from) =>
      inquiryStatuses.filter((to) => canTransitionInquiry(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'new→in_progress',
      'new→closed',
      'in_progress→answered',
      'in_progress→closed',
      'answered→in_progress',
      'answered→closed',
    ]);
  });

  it('formats numbers with six digits and refuses ones that do not fit', () => {
    expect(formatInquiryNumber(2026, 1)).toBe('Q2026-000001');
    expect(formatInquiryNumber(2027, 123456)).toBe('Q2027-123456');
    expect(() => formatInquiryNumber(2026, 0)).toThrow();
    expect(() => formatInquiryNumber(2026, 1_000_000)).toThrow();
  });
});
