// One licence for the console: its holder, its contract's number, its machines and the validations they made (last seen version and time per machine), newest first.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { getContractRow } from '../contracts/index.js';
import { licenceErrors } from './licence-errors.js';
import type { LicenceMachine } from './list-member-licences.js';
import { type LicenceListItem, withHolders } from './search-licences.js';

export interface LicenceDetail extends LicenceListItem {
  contractNumber: string | null;
  /** The machines by the time they last validated, newest first (then by fingerprint). */
  validations: LicenceMachine[];
}

/** The licence with everything the console shows about it, or `licence_not_found` (404). */
export async function getLicenceDetail(db: DbOrTx, licenceId: string): Promise<LicenceDetail> {
  const rows = await db.select().from(licences).where(eq(licences.id, licenceId));
  const [item] = await withHolders(db, rows);
  if (!item) throw licenceErrors.notFound();
  const contract = item.contractId ? await getContractRow(db, { contractId: item.contractId }) : null;
  const validations = [...item.machines].sort((a, b) =>
    a.lastSeenAt === b.lastSeenAt
      ? a.machineFingerprint.localeCompare(b.machineFingerprint)
      : b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  return { ...item, contractNumber: contract?.number ?? null, validations };
}
