// Which characters no text the store accepts may hold: controls, unpaired surrogates and noncharacters.

/** The first forbidden character of `text` as `U+` and four hex digits (a lone surrogate as itself), or null when there is none. */
export function findForbiddenCharacter(text: string, options: { multiline: boolean }): string | null {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      // PostgreSQL and UTF-8 cannot hold half a pair, and no keyboard types one.
      if (!(next >= 0xdc00 && next <= 0xdfff)) return codePointLabel(unit);
      codePoint = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
      index++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return codePointLabel(unit);
    }
    if (isForbidden(codePoint, options.multiline)) return codePointLabel(codePoint);
  }
  return null;
}

function isForbidden(codePoint: number, multiline: boolean): boolean {
  // Tab, line feed and carriage return belong to text people write in several lines, and nowhere else.
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return !multiline;
  // C0 controls (NUL among them: PostgreSQL text cannot hold it), DEL and the C1 controls.
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return true;
  // Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF …).
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe;
}

function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
