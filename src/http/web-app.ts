// Serves the built React app: hashed assets cached for a year and precompressed, other pages fall back to index.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ServeStaticOptions, serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { projectRoot } from '../project-root.js';
import type { AppEnv } from './openapi-app.js';

/** Written by the web build on its tags; swapped for each response's CSP nonce. */
export const CSP_NONCE_PLACEHOLDER = '__KEIYAKU_CSP_NONCE__';

export const defaultWebRoot = join(projectRoot, 'dist/web');

/** Paths that belong to the server or the build, never to the single-page app's router. */
export function isServerPath(path: string): boolean {
  return /^\/(api|healthz|readyz|metrics|assets|dev)(\/|$)/.test(path);
}

/** The index page with this response's CSP nonce in place of the build's placeholder. */
export function withNonce(indexHtml: string, nonce: string): string {
  return indexHtml.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

const FOUND_FLAG = 'staticFileFound' as never;

/** Serves files from the root; a file served gets the cache policy, anything else passes on. */
function staticFiles(root: string, cachePolicy: string, options: ServeStaticOptions = {}): MiddlewareHandler {
  // serveStatic calls `onFound` after it built the response, too late for headers: mark, then set after.
  // The web build writes a .br and a .gz beside each compressible file: the one the browser accepts is
  // sent as is, with Content-Encoding, and caches keep one copy per Accept-Encoding.
  const serve = serveStatic({
    ...options,
    root,
    precompressed: true,
    onFound: (_path, c) => c.set(FOUND_FLAG, true as never),
  });
  return async (c, next) => {
    const served = await serve(c, next);
    if (served && c.get(FOUND_FLAG)) {
      served.headers.set('cache-control', cachePolicy);
      if (!/accept-encoding/i.test(served.headers.get('vary') ?? ''))
        served.headers.append('vary', 'Accept-Encoding');
    }
    return served;
  };
}

/** Registers the static files; returns the index page for the not-found handler, or null if unbuilt. */
export function registerWebApp(app: OpenAPIHono<AppEnv>, webRoot: string): string | null {
  const indexPath = join(webRoot, 'index.html');
  if (!existsSync(indexPath)) return null;
  // File names under /assets carry a content hash, so a changed file is a new URL.
  app.use('/assets/*', staticFiles(webRoot, 'public, max-age=31536000, immutable'));
  app.use(
    '*',
    staticFiles(webRoot, 'public, max-age=3600', {
      // index.html is served by the fallback, with this response's nonce and never cached.
      rewriteRequestPath: (path) => (path === '/' || path === '/index.html' ? '/__no_such_file__' : path),
    }),
  );
  return readFileSync(indexPath, 'utf8');
}
