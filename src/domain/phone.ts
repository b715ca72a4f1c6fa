// Phone numbers: stored in E.164 (+81312345678), shown in Japan's national format (03-1234-5678).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// The parser would otherwise pick a number out of any text ("携帯 090…"); only a number is accepted.
const phoneCharacters = /^\+?[0-9()\- ]+$/;

/** A valid number in E.164, national numbers read as Japanese; null for anything else. */
export function phoneToE164(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .replace(/[ー－−‐]/g, '-')
    .trim();
  if (!phoneCharacters.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, 'JP');
  return parsed?.isValid() ? parsed.number : null;
}

/** How a person reads a stored number: 03-1234-5678 for Japan, +1 212 555 0100 elsewhere; unparsable text as it is. */
export function phoneForDisplay(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored, 'JP');
  if (!parsed) return stored;
  return parsed.country === 'JP' ? parsed.formatNational() : parsed.formatInternational();
}
