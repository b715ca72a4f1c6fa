// Money as a whole number of yen: a branded safe integer, checked on every operation, stored as bigint.
import { kernelErrors } from './errors.js';

/** A whole number of yen, guaranteed to be a safe integer (never a float). */
export type Yen = number & { readonly __brand: 'Yen' };

/** Whether a value is a safe whole number of yen. */
export function isYen(value: unknown): value is Yen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Makes a `Yen` from a number; throws `unsafe_amount` for floats, NaN, infinities and unsafe integers. */
export function yen(value: number): Yen {
  if (!isYen(value)) throw kernelErrors.unsafeYen(value);
  // -0 would print as "-¥0" and compare unequal under Object.is, so it is folded into 0.
  return (value === 0 ? 0 : value) as Yen;
}

/** Zero yen. */
export const ZERO_YEN: Yen = yen(0);

/** Adds amounts; throws when any partial sum leaves the safe-integer range. */
export function addYen(...amounts: Yen[]): Yen {
  return sumYen(amounts);
}

/** Adds a list of amounts; throws when any partial sum leaves the safe-integer range. */
export function sumYen(amounts: Iterable<Yen>): Yen {
  let total = 0;
  for (const amount of amounts) {
    // Checked at every step: once a partial sum passes 2^53 precision is already lost, even if later
    // terms bring it back into range.
    total = yen(yen(total) + yen(amount));
  }
  return yen(total);
}

/** `a - b`; throws when the result leaves the safe-integer range. */
export function subtractYen(a: Yen, b: Yen): Yen {
  return yen(yen(a) - yen(b));
}

/** `-amount`, e.g. for a credit line mirroring a charge. */
export function negateYen(amount: Yen): Yen {
  return yen(-yen(amount));
}

/** `amount × quantity` for an integer quantity; throws when the product leaves the safe-integer range. */
export function multiplyYen(amount: Yen, quantity: number): Yen {
  if (!Number.isSafeInteger(quantity)) {
    throw new RangeError(`Quantity must be a safe integer, got ${String(quantity)}`);
  }
  // A product of two integers that lands inside ±2^53 is exact in floating point; anything outside
  // fails the safe-integer check in yen().
  return yen(yen(amount) * quantity);
}

/** Formats for people in the Japanese style: `¥1,234`, `-¥1,234`, no decimals. */
export function formatYen(amount: Yen): string {
  const value = yen(amount);
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-¥${digits}` : `¥${digits}`;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Reads a bigint column (pg returns int8 as a string, PGlite as bigint or number); rejects unsafe values. */
export function yenFromDb(value: bigint | string | number): Yen {
  if (typeof value === 'number') return yen(value);
  let big: bigint;
  if (typeof value === 'string') {
    // BigInt('') is 0n and BigInt(' 12 ') trims, so the text is checked strictly first.
    if (!/^-?\d+$/.test(value)) throw kernelErrors.unsafeYen(value);
    big = BigInt(value);
  } else {
    big = value;
  }
  if (big > MAX_SAFE || big < MIN_SAFE) throw kernelErrors.unsafeYen(value);
  return yen(Number(big));
}

/** Converts for a bigint column. */
export function yenToDb(amount: Yen): bigint {
  // Re-checked because a cast (`as Yen`) elsewhere could have smuggled in a float.
  return BigInt(yen(amount));
}
