// Load generator for the HTTP benchmark, forked as its own process so it does not share the server's event loop.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { percentile } from './support.js';

/** What the parent asks for. */
export interface LoadRequest {
  url: string;
  concurrency: number;
  maxRequests: number;
  durationMs: number;
  /** Requests sent first and not counted: JIT, connection set-up and caches settle. */
  warmupRequests: number;
  /** A JSON body makes the request a POST (with the Origin the store trusts); without one it is a GET. */
  body?: string;
  /** Bodies sent in turn instead of one `body` (many licences asking, not one row asked again and again). */
  bodies?: string[];
  /** With `bodies` and a server that trusts its proxy: each body comes from its own X-Forwarded-For address. */
  spreadAddresses?: boolean;
  /** The Origin header for a POST: the store's PUBLIC_URL origin, which the Origin check trusts. */
  origin?: string;
  /** Extra headers on every request, e.g. a signed-in member's Cookie. */
  headers?: Record<string, string>;
}

/** What the child answers; latencies in milliseconds. */
export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function get(
  agent: http.Agent,
  url: URL,
  body?: string,
  origin?: string,
  extra: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...extra, accept: 'application/json' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers.origin = origin ?? url.origin;
    }
    const req = http.request(url, { agent, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      // Read the whole body: the request is done for the client only when the last byte arrived.
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('request timed out after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

function bodyOf(input: LoadRequest, n: number): string | undefined {
  return input.bodies?.length ? input.bodies[n % input.bodies.length] : input.body;
}

function headersOf(input: LoadRequest, n: number): Record<string, string> | undefined {
  if (!input.spreadAddresses || !input.bodies?.length) return input.headers;
  const i = n % input.bodies.length;
  return { ...input.headers, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
}

/** Closed-loop load: `concurrency` clients, each sends its next request when the previous answered. */
export async function runLoad(input: LoadRequest): Promise<LoadResult> {
  const url = new URL(input.url);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`refusing to load ${url.hostname}: benchmarks stay on 127.0.0.1`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.concurrency });
  try {
    let warm = 0;
    await Promise.all(
      Array.from({ length: input.concurrency }, async () => {
        while (warm < input.warmupRequests) {
          warm++;
          await get(agent, url, bodyOf(input, warm), input.origin, headersOf(input, warm)).catch(() => 0);
        }
      }),
    );

    const latencies: number[] = [];
    let sent = 0;
    let ok = 0;
    let non2xx = 0;
    let errors = 0;
    let firstError: string | null = null;
    const started = performance.now();
    const deadline = started + input.durationMs;
    await Promise.all(
      Array.from({ length: input.concurrency }, async () => {
        while (sent < input.maxRequests && performance.now() < deadline) {
          sent++;
          const t0 = performance.now();
          try {
            const status = await get(agent, url, bodyOf(input, sent), input.origin, headersOf(input, sent));
            latencies.push(performance.now() - t0);
            if (status >= 200 && status < 300) ok++;
            else non2xx++;
          } catch (error) {
            errors++;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length + errors,
      ok,
      non2xx,
      errors,
      firstError,
      elapsedMs,
      requestsPerSecond: (latencies.length / elapsedMs) * 1000,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  } finally {
    agent.destroy();
  }
}

// Forked with an IPC channel: take one request, answer, exit. Imported for its types: do nothing.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.send) {
  process.once('message', (message: LoadRequest) => {
    runLoad(message)
      .then((result) => process.send!({ result }))
      .catch((error: unknown) =>
        process.send!({ error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => process.disconnect());
  });
}
