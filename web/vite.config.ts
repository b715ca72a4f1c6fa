// Vite build and dev-server settings for the web app (store, My Page, admin), built into dist/web.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { consoleMessageKeys } from './src/i18n/console-keys';

const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build (once, at the highest
 * levels), so the server sends them as they are. index.html is left out: the server rewrites it per
 * response for its CSP nonce.
 */
function precompress(): Plugin {
  const compressible = /\.(js|mjs|css|svg|json|txt|map|webmanifest)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'keiyaku-precompress',
    apply: 'build',
    closeBundle() {
      for (const path of walk(outDir)) {
        if (!compressible.test(path)) continue;
        const body = readFileSync(path);
        if (body.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The API server of `npm run dev`, on the same PORT the server reads.
const backend = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

/** The server swaps this for a fresh random nonce in every index.html response and in its CSP header. */
const cspNoncePlaceholder = '__KEIYAKU_CSP_NONCE__';

// React Router's package exports point every bundler at its development build (remix-run/react-router
// issue 12532): a production build takes the production files it ships beside them instead.
const reactRouterProduction = fileURLToPath(
  new URL('../node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

/**
 * Writes `.vite/chunk-modules.json` beside Vite's manifest: the source files inside each JS chunk, so a test
 * can tell which area's code a chunk carries (the manifest names only a chunk's entry module).
 */
function chunkModules(): Plugin {
  return {
    name: 'keiyaku-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const root = fileURLToPath(new URL('.', import.meta.url));
      const chunks: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[output.fileName] = Object.keys(output.modules)
          .filter((id) => id.startsWith(root))
          .map((id) => id.slice(root.length));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: JSON.stringify(chunks) });
    },
  };
}

/**
 * `./ja.json?area=console` is the console's part of a language file and `?area=member` the rest: each
 * area's chunk carries only its messages, and the JSON files stay one per language.
 */
function messagesByArea(): Plugin {
  return {
    name: 'keiyaku-messages-by-area',
    enforce: 'pre',
    load(id) {
      const match = /^(.*\.json)\?area=(console|member)$/.exec(id);
      if (!match?.[1]) return null;
      this.addWatchFile(match[1]);
      const all = JSON.parse(readFileSync(match[1], 'utf8')) as Record<string, unknown>;
      const wanted = match[2] === 'console';
      const part = Object.fromEntries(
        Object.entries(all).filter(([key]) => consoleMessageKeys.includes(key) === wanted),
      );
      // JSON.parse of a string is quicker for a browser to read than the same object as a literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part))});`;
    },
  };
}

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [messagesByArea(), react(), chunkModules(), precompress()],
  resolve:
    command === 'build' ? { alias: [{ find: /^react-router$/, replacement: reactRouterProduction }] } : {},
  // Vite stamps the placeholder on its tags and on <meta property="csp-nonce">, where the app reads it for
  // Mantine's runtime <style> tags: with a per-response nonce they need no 'unsafe-inline'.
  html: { cspNonce: cspNoncePlaceholder },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would become data: URLs (fonts, icons) that a CSP limited to 'self' refuses.
    assetsInlineLimit: 0,
    // dist/web/.vite/manifest.json: which chunks each entry and lazy route loads (test/e2e/web-areas checks it).
    manifest: true,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        // The framework every area starts with changes less often than our code, so its chunk stays cached
        // across releases. Mantine's components are left to the pages that use them: the console's tables
        // and editors are not the store's.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/readyz': backend,
      '/metrics': backend,
    },
  },
}));
