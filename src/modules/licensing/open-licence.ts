// Opens the licence of a contract of a `software` product when the contract starts (`contract.started`), in the transaction that opens the contract, and mails the member the install key.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import {
  hashInstallKey,
  type LicenceEdition,
  newInstallKey,
  newRegistrationNumber,
} from '../../domain/licences.js';
import { recordAudit } from '../audit/index.js';
import { loadProducts } from '../catalog/index.js';
import type { RecordedDomainEvent } from '../events/index.js';
import { getMemberProfile } from '../identity/auth-index.js';
import { enqueueMail } from '../notifications/index.js';

/** Machines a licence may run on at once when a product does not say (the catalog's default). */
export const DEFAULT_MACHINE_LIMIT = 2;

/** The edition a plan sells: the plan coded `download` is the download edition, every other plan a package. */
export function editionOfPlan(plan: string): LicenceEdition {
  return plan === 'download' ? 'download' : 'package';
}

/**
 * Opens one licence per contract of a software product (other kinds are left alone); a second delivery
 * of the same start finds it and does nothing. A registration number that collides with another (one in
 * 10^11) is drawn again; the unique index is the last word.
 */
export async function openLicence(
  tx: DbOrTx,
  event: RecordedDomainEvent<'contract.started'>,
): Promise<{ licenceId: string; opened: boolean } | null> {
  const p = event.payload;
  const [product] = await loadProducts(tx, [p.productId]);
  if (product?.definition.kind !== 'software') return null;
  const [existing] = await tx
    .select({ id: licences.id })
    .from(licences)
    .where(eq(licences.contractId, p.contractId));
  if (existing) return { licenceId: existing.id, opened: false };

  const installKey = newInstallKey();
  const edition = editionOfPlan(p.plan);
  const id = newId('licence');
  let registrationNumber = newRegistrationNumber();
  for (;;) {
    const [taken] = await tx
      .select({ id: licences.id })
      .from(licences)
      .where(eq(licences.registrationNumber, registrationNumber));
    if (!taken) break;
    registrationNumber = newRegistrationNumber();
  }
  const at = toDate(event.at);
  await tx.insert(licences).values({
    id,
    contractId: p.contractId,
    memberId: p.memberId,
    productId: p.productId,
    registrationNumber,
    installKeyHash: hashInstallKey(installKey),
    edition,
    machineLimit: product.definition.licenceMachineLimit,
    contractStatus: p.status,
    validUntil: p.currentTermEnd,
    updatesAllowedUntil: p.currentTermEnd,
    createdAt: at,
    updatedAt: at,
  });
  await recordAudit(tx, {
    actor: { kind: 'system', id: null },
    action: 'licence.opened',
    targetType: 'licence',
    targetId: id,
    // Never the key: only what identifies the licence.
    after: { contractId: p.contractId, registrationNumber, edition, validUntil: p.currentTermEnd },
    at: event.at,
  });
  const profile = await getMemberProfile(tx, p.memberId);
  if (profile.email) {
    const locale = profile.locale === 'en' ? 'en' : 'ja';
    await enqueueMail(tx, {
      template: 'licence-issued',
      locale,
      to: profile.email,
      payload: {
        name: profile.name,
        contractNumber: p.contractNumber,
        productName: locale === 'en' ? product.definition.name.en : product.definition.name.ja,
        edition,
        registrationNumber,
        installKey,
        validUntil: p.currentTermEnd,
      },
      now: event.at,
    });
  }
  return { licenceId: id, opened: true };
}
