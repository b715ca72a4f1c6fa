// The recipient and the issuer's contact line a billing PDF prints, read when the document is first rendered.
import type { DbOrTx } from '../../db/client.js';
import { findMemberContacts } from '../identity/index.js';
import { getStoreSettings } from '../store/index.js';

/** The counterparty: a company's name (御中) or the member's name (様). */
export async function billingRecipientOf(
  db: DbOrTx,
  memberId: string,
): Promise<{ name: string; company: boolean }> {
  const member = (await findMemberContacts(db, [memberId])).get(memberId);
  if (!member) throw new Error(`member ${memberId} of a billing document is missing`);
  const company = member.companyName !== null && member.companyName.trim() !== '';
  return { name: company ? member.companyName! : member.name, company };
}

/** The store's address and phone as printed under the issuer. */
export async function issuerContactLine(db: DbOrTx): Promise<string> {
  const store = await getStoreSettings(db);
  return [store.postalCode ? `〒${store.postalCode}` : '', store.address, store.phone, store.email]
    .filter((part) => part !== '')
    .join('  ');
}
