// A resolver for tests: host names answer from a table the test fills, so no test depends on real DNS.
import type { HostResolver, ResolvedAddress } from '../../src/modules/notifications/index.js';

export interface HostTable extends HostResolver {
  /** Makes `name` resolve to these addresses from now on (a DNS change, between save and delivery say). */
  set(name: string, addresses: string[]): void;
  /** How often each name was asked for. */
  lookups: string[];
}

/** An empty table: every name is `ENOTFOUND` until a test sets it. */
export function createHostTable(): HostTable {
  const entries = new Map<string, ResolvedAddress[]>();
  const lookups: string[] = [];
  return {
    lookups,
    set(name, addresses) {
      entries.set(
        name.toLowerCase(),
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    },
    async lookup(hostname) {
      lookups.push(hostname);
      const found = entries.get(hostname.toLowerCase());
      if (found) return found;
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    },
  };
}
