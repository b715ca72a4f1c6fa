// Sends one webhook POST to the address that was checked, not to whatever the name resolves to a moment later.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './host-resolver.js';

export interface PostWebhookInput {
  url: string;
  /** The checked address the connection goes to; the Host header and TLS server name stay the URL's name. */
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs the body and resolves with the status code. Redirects are never followed (a 3xx is just its status),
 * and each POST opens its own connection, so no socket to an address checked earlier is reused.
 */
export function postWebhook(input: PostWebhookInput): Promise<number> {
  const url = new URL(input.url);
  const { address, family } = input.address;
  // DNS pinning: whatever the socket layer asks, it gets the address that passed the check.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const body = Buffer.from(input.body, 'utf8');
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<number>((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...input.headers, 'content-length': String(body.length) },
        lookup,
        agent: false,
        signal: AbortSignal.timeout(input.timeoutMs),
      },
      (response) => {
        // The body is not needed; reading it to the end lets the socket close cleanly.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
