// Serves the built React app: hashed assets cached for a year, other pages fall back to index.html.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './openapi-app.js';

/** Written by the web build on its tags; swapped for each response's CSP nonce. */
export const CSP_NONCE_PLACEHOLDER = '__KEIYAKU_CSP_NONCE__';

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Paths that belong to the server, never to the single-page app. */
export function isServerPath(path: string): boolean {
  return /^\/(api|healthz|readyz|metrics)(\/|$)/.test(path);
}

/** The index page with this response's CSP nonce in place of the build's placeholder. */
export function withNonce(indexHtml: string, nonce: string): string {
  return indexHtml.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}

/** Registers the static files; returns the index page for the not-found handler, or null if unbuilt. */
export function registerWebApp(app: OpenAPIHono<AppEnv>, webRoot: string): string | null {
  const indexPath = join(webRoot, 'index.html');
  if (!existsSync(indexPath)) return null;
  app.use(
    '/assets/*',
    serveStatic({
      root: webRoot,
      onFound: (_path, c) => {
        // File names carry a content hash, so a changed file is a new URL.
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use(
    '*',
    serveStatic({
      root: webRoot,
      // index.html is served by the fallback so that it is never cached.
      rewriteRequestPath: (path) => (path === '/' || path === '/index.html' ? '/__no_such_file__' : path),
      onFound: (_path, c) => {
        c.header('cache-control', 'public, max-age=3600');
      },
    }),
  );
  return readFileSync(indexPath, 'utf8');
}
