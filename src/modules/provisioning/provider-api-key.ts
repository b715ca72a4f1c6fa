// The shape of provider API keys: random, shown once, kept only as a SHA-256 hash with a visible prefix.
import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so a leaked key is recognisable by secret scanners. */
export const PROVIDER_KEY_PREFIX = 'kpk_';

/** A new key: `kpk_` + 43 characters of base64url (256 random bits). */
export function newProviderApiKey(): string {
  return PROVIDER_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** What is stored and looked up: the hex SHA-256 of the whole key (a random key needs no slow hash). */
export function hashProviderApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What lists show: the prefix and the first 8 random characters. */
export function visiblePrefix(key: string): string {
  return key.slice(0, PROVIDER_KEY_PREFIX.length + 8);
}
