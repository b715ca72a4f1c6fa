// The server secret: from SECRET, or in embedded mode generated once and kept in the data folder (0600).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

export const SECRET_FILE_NAME = 'secret';

/** The secret this node signs and encrypts with; config validation already demanded SECRET where needed. */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  if (config.database.kind === 'postgres') throw new Error('SECRET is required with DATABASE_URL');
  mkdirSync(config.dataDir, { recursive: true });
  const path = join(config.dataDir, SECRET_FILE_NAME);
  if (!existsSync(path)) {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  // Tighten a file someone loosened by hand: the secret protects sessions and stored codes.
  chmodSync(path, 0o600);
  return readFileSync(path, 'utf8').trim();
}
