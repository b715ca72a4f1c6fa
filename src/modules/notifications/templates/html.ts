// Escaping for mail HTML: every value put into a template goes through `html`, so data never becomes markup.
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place inside HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

/** A fragment that is already HTML, so `html` does not escape it again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template that escapes each interpolated value unless it is already `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const piece = Array.isArray(value) ? value : [value];
    out += piece
      .map((item) => (item instanceof SafeHtml ? item.value : escapeHtml(String(item ?? ''))))
      .join('');
    out += strings[index + 1] ?? '';
  });
  return new SafeHtml(out);
}
