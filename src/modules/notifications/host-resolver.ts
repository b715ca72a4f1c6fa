// How webhook host names become addresses: the system resolver in production, a fixed table in tests.
import { promises as dns } from 'node:dns';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has; throws when it has none. */
export interface HostResolver {
  lookup(hostname: string): Promise<ResolvedAddress[]>;
}

/** The operating system's resolver (`getaddrinfo`, so /etc/hosts counts), every address in its order. */
export const systemHostResolver: HostResolver = {
  async lookup(hostname) {
    const answers = await dns.lookup(hostname, { all: true, verbatim: true });
    return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  },
};
