// The qualified-invoice registration number's shape and check digit, checked as the operator types.

/** `T` and 13 digits, as the API requires. */
export const registrationNumberPattern = /^T\d{13}$/;

/**
 * Whether the 13 digits pass the corporate-number check digit (the same rule as the server's
 * store-settings-fields.ts). Sole proprietors' numbers are not corporate numbers, so a failure is only a
 * warning: the server accepts them.
 */
export function registrationNumberCheckDigitOk(registrationNumber: string): boolean {
  if (!registrationNumberPattern.test(registrationNumber)) return false;
  const [check, ...body] = registrationNumber.slice(1).split('').map(Number) as [number, ...number[]];
  let sum = 0;
  body
    .slice()
    .reverse()
    .forEach((digit, index) => {
      sum += digit * (index % 2 === 0 ? 1 : 2);
    });
  return check === 9 - (sum % 9);
}
