// First start of an embedded store: a demo owner whose credentials go to a private file in the data folder, never to the log.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.js';
import type { Actor } from '../modules/audit/index.js';
import { countOperators, createOperator, generateOperatorPassword } from '../modules/operators/index.js';
import { getStoreSettings } from '../modules/store/index.js';

/** The file, in the data folder, holding the demo owner's login ID and password. */
export const DEMO_OPERATOR_FILE = 'demo-operator.json';
/** The demo owner's login ID. */
export const DEMO_OPERATOR_LOGIN_ID = 'owner';

export interface CreateDemoOperatorInput {
  dataDir: string;
  publicUrl: string;
  actor: Actor;
  now: Temporal.Instant;
}

/**
 * When the store has no operator at all, creates an owner with a random password and writes
 * `{loginId, password, url}` to `DATA_DIR/demo-operator.json` (mode 0600). Returns the file's path when
 * it exists, or null.
 */
export async function createDemoOperator(db: Db, input: CreateDemoOperatorInput): Promise<string | null> {
  const path = join(input.dataDir, DEMO_OPERATOR_FILE);
  if ((await countOperators(db)) > 0) return existsSync(path) ? path : null;
  const password = generateOperatorPassword();
  const store = await getStoreSettings(db);
  // The file first: an owner whose password was never written down could not sign in at all.
  if (existsSync(path)) chmodSync(path, 0o600);
  const url = `${input.publicUrl}/admin`;
  writeFileSync(path, `${JSON.stringify({ loginId: DEMO_OPERATOR_LOGIN_ID, password, url }, null, 2)}\n`, {
    mode: 0o600,
  });
  // The mode given to writeFileSync passes through the umask; the password must be the owner's alone.
  chmodSync(path, 0o600);
  await createOperator(db, {
    loginId: DEMO_OPERATOR_LOGIN_ID,
    displayName: 'デモオーナー',
    email: store.email,
    roles: ['owner'],
    password,
    actor: input.actor,
    now: input.now,
  });
  return path;
}
