// Every operator's id, name, roles and status, so screens can name the colleague behind an id.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type OperatorRole, type OperatorStatus, operators } from '../../db/schema/operators.js';

export interface OperatorDirectoryEntry {
  id: string;
  loginId: string;
  displayName: string;
  roles: OperatorRole[];
  status: OperatorStatus;
}

/** All operators, disabled ones too (old assignments and replies still name them), by display name. */
export async function listOperatorDirectory(db: DbOrTx): Promise<OperatorDirectoryEntry[]> {
  return db
    .select({
      id: operators.id,
      loginId: operators.loginId,
      displayName: operators.displayName,
      roles: operators.roles,
      status: operators.status,
    })
    .from(operators)
    .orderBy(asc(operators.displayName), asc(operators.id));
}
