// Phone numbers as people read them: stored in E.164, shown in Japan's national format (03-1234-5678).
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** 03-1234-5678 for a Japanese number, +1 212 555 0100 for another; text that is no number as it is. */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const parsed = parsePhoneNumberFromString(stored, 'JP');
  if (!parsed) return stored;
  return parsed.country === 'JP' ? parsed.formatNational() : parsed.formatInternational();
}
