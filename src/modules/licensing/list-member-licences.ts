// The licences a member holds, for My Page: number, product, edition, validity and the machines activated on each.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licenceActivations, licences } from '../../db/schema/licensing.js';
import type { BilingualMessage } from '../../domain/errors.js';
import type { LicenceEdition } from '../../domain/licences.js';
import { loadProducts } from '../catalog/index.js';

/** One machine a licence runs on. */
export interface LicenceMachine {
  machineFingerprint: string;
  activatedAt: string;
  lastSeenAt: string;
  lastProductVersion: string;
}

/** A licence as its member sees it (never the install key: only its hash is kept). */
export interface MemberLicence {
  licenceId: string;
  registrationNumber: string;
  productName: BilingualMessage;
  edition: LicenceEdition;
  contractId: string | null;
  contractStatus: string;
  validUntil: string;
  updatesAllowedUntil: string;
  machineLimit: number;
  machines: LicenceMachine[];
}

/** The member's licences, by registration number; machines by activation time then fingerprint. */
export async function listMemberLicences(db: DbOrTx, memberId: string): Promise<MemberLicence[]> {
  const rows = await db
    .select()
    .from(licences)
    .where(eq(licences.memberId, memberId))
    .orderBy(asc(licences.registrationNumber));
  return describeLicences(db, rows);
}

/** One licence of the member, or null when it is not theirs (so another member's id looks unknown). */
export async function getMemberLicence(
  db: DbOrTx,
  input: { memberId: string; licenceId: string },
): Promise<MemberLicence | null> {
  const rows = await db
    .select()
    .from(licences)
    .where(and(eq(licences.id, input.licenceId), eq(licences.memberId, input.memberId)));
  return (await describeLicences(db, rows))[0] ?? null;
}

/** Shapes licence rows with their product names and machines (for My Page and the console). */
export async function describeLicences(
  db: DbOrTx,
  rows: (typeof licences.$inferSelect)[],
): Promise<MemberLicence[]> {
  if (rows.length === 0) return [];
  const machines = await db
    .select()
    .from(licenceActivations)
    .where(
      inArray(
        licenceActivations.licenceId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(licenceActivations.activatedAt), asc(licenceActivations.machineFingerprint));
  const products = await loadProducts(db, [...new Set(rows.map((r) => r.productId))]);
  return rows.map((r) => {
    const product = products.find((p) => p.id === r.productId);
    return {
      licenceId: r.id,
      registrationNumber: r.registrationNumber,
      productName: product
        ? { ja: product.definition.name.ja, en: product.definition.name.en }
        : { ja: r.productId, en: r.productId },
      edition: r.edition,
      contractId: r.contractId,
      contractStatus: r.contractStatus,
      validUntil: r.validUntil,
      updatesAllowedUntil: r.updatesAllowedUntil,
      machineLimit: r.machineLimit,
      machines: machines
        .filter((m) => m.licenceId === r.id)
        .map((m) => ({
          machineFingerprint: m.machineFingerprint,
          activatedAt: m.activatedAt.toISOString(),
          lastSeenAt: m.lastSeenAt.toISOString(),
          lastProductVersion: m.lastProductVersion,
        })),
    };
  });
}
