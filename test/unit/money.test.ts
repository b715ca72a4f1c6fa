// Unit tests for the Yen kernel: safety checks, arithmetic overflow, formatting and bigint columns.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import {
  addYen,
  formatYen,
  isYen,
  multiplyYen,
  negateYen,
  subtractYen,
  sumYen,
  type Yen,
  yen,
  yenFromDb,
  yenToDb,
  ZERO_YEN,
} from '../../src/domain/money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

function expectUnsafe(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unsafe_amount');
    expect((error as AppError).status).toBe(422);
    return;
  }
  expect.fail('expected an unsafe_amount error');
}

describe('yen', () => {
  it('accepts safe integers, including the extremes', () => {
    expect(yen(1234)).toBe(1234);
    expect(yen(-1234)).toBe(-1234);
    expect(yen(MAX)).toBe(MAX);
    expect(yen(MIN)).toBe(MIN);
    expect(ZERO_YEN).toBe(0);
  });

  it('folds -0 into 0', () => {
    expect(Object.is(yen(-0), 0)).toBe(true);
  });

  it.each([
    ['a float', 1.5],
    ['a tiny float', 0.1 + 0.2],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['2^53', 2 ** 53],
    ['-(2^53)', -(2 ** 53)],
  ])('rejects %s with unsafe_amount', (_label, value) => {
    expectUnsafe(() => yen(value));
  });

  it('carries the amount in both languages of the error', () => {
    try {
      yen(1.5);
      expect.fail('expected a throw');
    } catch (error) {
      expect((error as AppError).messages.ja).toContain('1.5');
      expect((error as AppError).messages.en).toContain('1.5');
    }
  });

  it('isYen tells safe integers from everything else', () => {
    expect(isYen(0)).toBe(true);
    expect(isYen(1.5)).toBe(false);
    expect(isYen('100')).toBe(false);
    expect(isYen(100n)).toBe(false);
  });
});

describe('arithmetic', () => {
  it('adds any number of amounts', () => {
    expect(addYen()).toBe(0);
    expect(addYen(yen(1980))).toBe(1980);
    expect(addYen(yen(1980), yen(2200), yen(-500))).toBe(3680);
  });

  it('sums lists and iterables', () => {
    expect(sumYen([])).toBe(0);
    expect(sumYen([yen(100), yen(200), yen(300)])).toBe(600);
    function* amounts(): Generator<Yen> {
      yield yen(5000);
      yield yen(-1200);
    }
    expect(sumYen(amounts())).toBe(3800);
  });

  it('throws when a sum passes MAX_SAFE_INTEGER, even if later terms would bring it back', () => {
    expectUnsafe(() => addYen(yen(MAX), yen(1)));
    expectUnsafe(() => addYen(yen(MAX), yen(1), yen(-1)));
    expectUnsafe(() => sumYen([yen(MIN), yen(-1)]));
    expect(addYen(yen(MAX - 1), yen(1))).toBe(MAX);
  });

  it('re-checks amounts that were cast instead of made with yen()', () => {
    expectUnsafe(() => addYen(yen(1), 1.5 as Yen));
    expectUnsafe(() => subtractYen(Number.NaN as Yen, yen(1)));
    expectUnsafe(() => multiplyYen(0.5 as Yen, 2));
  });

  it('subtracts, into negatives too', () => {
    expect(subtractYen(yen(1000), yen(250))).toBe(750);
    expect(subtractYen(yen(100), yen(250))).toBe(-150);
    expectUnsafe(() => subtractYen(yen(MIN), yen(1)));
    expectUnsafe(() => subtractYen(yen(MAX), yen(-1)));
  });

  it('negates', () => {
    expect(negateYen(yen(1980))).toBe(-1980);
    expect(negateYen(yen(-1980))).toBe(1980);
    expect(Object.is(negateYen(yen(0)), 0)).toBe(true);
  });

  it('multiplies by an integer quantity', () => {
    expect(multiplyYen(yen(1980), 3)).toBe(5940);
    expect(multiplyYen(yen(-500), 2)).toBe(-1000);
    expect(multiplyYen(yen(1980), 0)).toBe(0);
    expect(multiplyYen(yen(1980), -2)).toBe(-3960);
    expect(multiplyYen(yen(2 ** 52 - 1), 2)).toBe(9_007_199_254_740_990);
  });

  it('throws on multiplication overflow', () => {
    expectUnsafe(() => multiplyYen(yen(2 ** 52), 2));
    expectUnsafe(() => multiplyYen(yen(1_000_000_000), 10_000_000));
    expectUnsafe(() => multiplyYen(yen(-(2 ** 52)), 3));
  });

  it('refuses fractional or unsafe quantities', () => {
    expect(() => multiplyYen(yen(1000), 1.5)).toThrow(RangeError);
    expect(() => multiplyYen(yen(1000), Number.NaN)).toThrow(RangeError);
    expect(() => multiplyYen(yen(1), 2 ** 53)).toThrow(RangeError);
  });
});

describe('formatYen', () => {
  it.each([
    [0, '¥0'],
    [1, '¥1'],
    [999, '¥999'],
    [1000, '¥1,000'],
    [1234, '¥1,234'],
    [100000, '¥100,000'],
    [1234567, '¥1,234,567'],
    [MAX, '¥9,007,199,254,740,991'],
    [-1, '-¥1'],
    [-1234, '-¥1,234'],
    [-1234567, '-¥1,234,567'],
  ])('formats %d as %s', (value, text) => {
    expect(formatYen(yen(value))).toBe(text);
  });

  it('uses the half-width yen sign U+00A5', () => {
    expect(formatYen(yen(5)).codePointAt(0)).toBe(0xa5);
  });

  it('refuses to format a float', () => {
    expectUnsafe(() => formatYen(12.5 as Yen));
  });
});

describe('bigint columns', () => {
  it('reads bigint, numeric text and numbers', () => {
    expect(yenFromDb(1234n)).toBe(1234);
    expect(yenFromDb(-1234n)).toBe(-1234);
    expect(yenFromDb('1234')).toBe(1234);
    expect(yenFromDb('-1234')).toBe(-1234);
    expect(yenFromDb(1234)).toBe(1234);
    expect(yenFromDb(BigInt(MAX))).toBe(MAX);
    expect(yenFromDb(String(MIN))).toBe(MIN);
  });

  it.each([
    ['2^53 as bigint', 2n ** 53n],
    ['-(2^53) as bigint', -(2n ** 53n)],
    ['2^53 as text', '9007199254740992'],
    ['a decimal', '12.5'],
    ['an exponent', '1e3'],
    ['empty text', ''],
    ['padded text', ' 12'],
    ['a float number', 1.5],
  ])('rejects %s', (_label, value) => {
    expectUnsafe(() => yenFromDb(value));
  });

  it('writes bigint and round-trips the extremes', () => {
    expect(yenToDb(yen(1234))).toBe(1234n);
    expect(yenToDb(yen(-1234))).toBe(-1234n);
    expect(yenFromDb(yenToDb(yen(MAX)))).toBe(MAX);
    expect(yenFromDb(yenToDb(yen(MIN)))).toBe(MIN);
  });

  it('refuses to write a cast float', () => {
    expectUnsafe(() => yenToDb(1.5 as Yen));
  });
});
