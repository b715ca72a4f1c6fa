// Masks a mail address or phone number for the console, as the sign-in code hint does: enough to recognise, not to copy.

/** `t***@example.jp` for a mail address, `••••5678` (the last four digits) for a phone number. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at >= 0) return `${recipient.slice(0, 1)}***${recipient.slice(at)}`;
  const digits = recipient.replace(/\D/g, '');
  return `••••${digits.slice(-4)}`;
}

/** The text with every mail address in it masked (a provider's refusal often repeats the address). */
export function maskAddressesIn(text: string): string {
  return text
    .replace(/[^\s<>"'(),;:@]+@[A-Za-z0-9.-]+/g, (address) => maskRecipient(address))
    .replace(/\+?\d[\d -]{8,}\d/g, (number) => maskRecipient(number));
}
