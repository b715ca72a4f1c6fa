// The console's licence search: part of a registration number, member, product, edition and status, newest first, paged.
import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import type { LicenceEdition } from '../../domain/licences.js';
import { productMatching } from '../catalog/index.js';
import { findMemberContacts, memberMatching } from '../identity/index.js';
import { describeLicences, type MemberLicence } from './list-member-licences.js';

export interface SearchLicencesInput {
  /** Part of a registration number; hyphens and spaces are ignored. */
  number?: string | undefined;
  /** A member id, or part of the member's login ID, name, company or email. */
  member?: string | undefined;
  /** A product id, or part of the product's name (ja or en). */
  product?: string | undefined;
  edition?: LicenceEdition | undefined;
  /** The contract status the licence follows (`active`, `suspended`, `expired`, `ended` …). */
  status?: string | undefined;
  /** True: only licences no member holds yet (imported packages not attached); false: only held ones. */
  unattached?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Who holds a licence, as the console shows it. */
export interface LicenceHolder {
  id: string;
  loginId: string;
  name: string;
  companyName: string | null;
}

export interface LicenceListItem extends MemberLicence {
  member: LicenceHolder | null;
  attachedAt: string | null;
  createdAt: string;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The digits typed, grouped as stored (`1234-5678-9012`), so `12345678` finds `1234-5678-…`. */
function numberPattern(typed: string): string {
  const digits = typed.normalize('NFKC').replace(/\D/g, '');
  const grouped = digits.replace(/(\d{4})(?=\d)/g, '$1-');
  return likePattern(grouped);
}

/** A page of matching licences (50 by default, at most 200) and the number of matches. */
export async function searchLicences(
  db: DbOrTx,
  input: SearchLicencesInput = {},
): Promise<{ items: LicenceListItem[]; total: number }> {
  const conditions: SQL[] = [];
  const number = input.number?.trim();
  if (number) conditions.push(ilike(licences.registrationNumber, numberPattern(number)));
  const member = input.member?.trim();
  if (member) {
    const anyField = or(
      eq(licences.memberId, member),
      memberMatching(licences.memberId, likePattern(member)),
    );
    if (anyField) conditions.push(anyField);
  }
  const product = input.product?.trim();
  if (product) conditions.push(productMatching(licences.productId, product, likePattern(product)));
  if (input.edition) conditions.push(eq(licences.edition, input.edition));
  if (input.status) conditions.push(eq(licences.contractStatus, input.status));
  if (input.unattached === true) conditions.push(isNull(licences.memberId));
  if (input.unattached === false) conditions.push(isNotNull(licences.memberId));
  const where = conditions.length ? and(...conditions) : undefined;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(licences)
    .where(where)
    .orderBy(desc(licences.createdAt), desc(licences.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(licences).where(where);
  return { total: total?.n ?? 0, items: await withHolders(db, rows) };
}

/** Adds each licence's member and dates to its My Page shape. */
export async function withHolders(
  db: DbOrTx,
  rows: (typeof licences.$inferSelect)[],
): Promise<LicenceListItem[]> {
  const described = await describeLicences(db, rows);
  const contacts = await findMemberContacts(
    db,
    rows.flatMap((r) => (r.memberId ? [r.memberId] : [])),
  );
  return rows.map((row, i) => {
    const m = row.memberId ? contacts.get(row.memberId) : undefined;
    return {
      ...described[i]!,
      member: m ? { id: m.id, loginId: m.loginId, name: m.name, companyName: m.companyName } : null,
      attachedAt: row.attachedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}
