// The OpenAPI document and a Swagger UI page served from our own origin (no CDN, so the CSP holds).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../openapi-app.js';

const swaggerDist = join(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'), '..');
const swaggerAssets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>keiyaku API</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// Kept as a file rather than inline so `script-src 'self'` needs no exception.
const initScript = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });`;

/** The document's header, shared by the served document and the web client generator. */
export const openApiHeader = {
  openapi: '3.1.0',
  info: {
    title: 'keiyaku API',
    version: '0.1.0',
    description: 'Subscription commerce for Japanese stores. Errors are RFC 9457 problem documents.',
  },
};

/** Registers `/api/openapi.json` and `/api/docs` on the app whose routes it documents. */
export function registerApiDocs(app: OpenAPIHono<AppEnv>): void {
  app.doc31('/api/openapi.json', openApiHeader);
  app.get('/api/docs', (c) => c.html(docsPage));
  app.get('/api/docs/init.js', (c) =>
    c.body(initScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/:asset{swagger-ui\\.css|swagger-ui-bundle\\.js}', async (c) => {
    const asset = c.req.param('asset');
    const body = await readFile(join(swaggerDist, asset));
    return c.body(body, 200, {
      'content-type': swaggerAssets[asset]!,
      'cache-control': 'public, max-age=3600',
    });
  });
}
