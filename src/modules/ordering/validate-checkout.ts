// Checks what the member entered at checkout against the checkout: contacts, order fields, payment method, consents.
import { kernelErrors } from '../../domain/errors.js';
import { checkoutFormIssues } from '../../domain/forms/checkout-fields.js';
import { phoneToE164 } from '../../domain/phone.js';
import type { Checkout, CheckoutContact, CheckoutInput } from './checkout.js';
import { orderingErrors } from './ordering-errors.js';

function trimContact(contact: CheckoutContact): CheckoutContact {
  const optional = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());
  return {
    companyName: optional(contact.companyName),
    departmentName: optional(contact.departmentName),
    name: contact.name.trim(),
    nameKana: optional(contact.nameKana),
    email: contact.email.trim(),
    // Stored canonically, whatever way it was typed; shown in the national format again.
    phone: phoneToE164(contact.phone) ?? contact.phone.trim(),
    postalCode: optional(contact.postalCode),
    address: optional(contact.address),
  };
}

/**
 * Throws `checkout_cart_empty` (409) when nothing can be ordered, `trial_already_used` (409) for a trial the
 * member already took, and one `validation_failed` (422) listing every failing field with its path
 * (`customerContact.name`, `billingContact.email`, `orderFields.<itemId>.<key>`, `paymentMethod`,
 * `consents.<documentKey>`). Returns the input cleaned: trimmed contacts, only the defined order fields.
 */
export function validateCheckoutInput(checkout: Checkout, input: CheckoutInput): CheckoutInput {
  if (checkout.lines.length === 0) throw orderingErrors.checkoutCartEmpty();
  const used = checkout.lines.find((line) => line.trialUsed);
  if (used) throw orderingErrors.trialAlreadyUsed(used.product.definition.name);

  const fields = checkoutFormIssues(
    {
      ...checkout,
      lines: checkout.lines.map((line) => ({
        itemId: line.itemId,
        paymentProblem: line.paymentProblem,
        orderFields: line.product.definition.orderFields,
      })),
    },
    input,
  );

  const orderFields: Record<string, Record<string, string>> = {};
  for (const line of checkout.lines) {
    const given = input.orderFields[line.itemId] ?? {};
    const kept: Record<string, string> = {};
    for (const field of line.product.definition.orderFields) {
      const value = (given[field.key] ?? '').trim();
      if (value !== '') kept[field.key] = value;
    }
    orderFields[line.itemId] = kept;
  }
  const paymentMethod = input.paymentMethod === '' ? null : input.paymentMethod;

  if (fields.length > 0) throw kernelErrors.validation(fields);
  return {
    customerContact: trimContact(input.customerContact),
    billingContact: trimContact(input.billingContact),
    orderFields,
    paymentMethod,
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
}
