// Normalising what Japanese keyboards and IMEs type: kana readings, and digits with hyphens.

const HIRAGANA_TO_KATAKANA = 0x60;

function toKatakana(character: string): string {
  const code = character.codePointAt(0)!;
  // ぁ–ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana.
  const isConvertible = (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e;
  return isConvertible ? String.fromCodePoint(code + HIRAGANA_TO_KATAKANA) : character;
}

/**
 * A kana reading as stored: NFKC (so half-width ｶﾅ becomes カナ and a combining ゛ joins its letter),
 * hiragana turned into katakana, and each run of spaces made one full-width space, trimmed.
 */
export function normalizeKana(input: string): string {
  return Array.from(input.normalize('NFKC'), toKatakana)
    .join('')
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '')
    .join('\u3000');
}

/** Full-width katakana (ァ–ヺ, ・, ー, ヽ, ヾ) in words separated by single full-width spaces. */
export const katakanaReadingPattern = /^[\u30a1-\u30fe]+(?:\u3000[\u30a1-\u30fe]+)*$/;

/**
 * Digits and hyphens as typed in Japan, made ASCII: NFKC for full-width digits and `－`, and the dashes an
 * IME offers in their place (`ー`, `‐`, `−`, `—`) turned into `-`.
 */
export function normalizeNumberInput(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u30fc]/g, '-')
    .trim();
}
