// Runs a CLI command against the configured database, holding the data folder's lock meanwhile.
import { loadConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { systemClock } from '../domain/clock.js';
import type { Actor } from '../modules/audit/index.js';
import { openStore } from '../runtime.js';

export interface CliStore {
  db: Db;
  actor: Actor;
}

/** The actor recorded in the audit log for changes made from the command line. */
export const cliActor: Actor = { kind: 'cli', id: process.env.USER ?? null };

/** Opens the store, runs the command, and always closes it again. */
export async function withStore<T>(command: string, run: (store: CliStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config, command, systemClock);
  try {
    return await run({ db: store.database.db, actor: cliActor });
  } finally {
    await store.close();
  }
}
