// Vite build and dev-server settings for the web app (store, My Page, admin), built into dist/web.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), precompress()],
  // Vite stamps the placeholder on its tags and on <meta property="csp-nonce">, where the app reads it for
  // Mantine's runtime <style> tags: with a per-response nonce they need no 'unsafe-inline'.
  html: { cspNonce: cspNoncePlaceholder },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inlined assets would become data: URLs (fonts, icons) that a CSP limited to 'self' refuses.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        // Libraries change less often than our code, so their chunk stays cached across app releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/ }] },
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
});
