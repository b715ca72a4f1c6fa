// Vite build and dev-server settings for the web app (store, My Page, admin), built into dist/web.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server of `npm run dev`, on the same PORT the server reads.
const backend = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

/** The server swaps this for a fresh random nonce in every index.html response and in its CSP header. */
const cspNoncePlaceholder = '__KEIYAKU_CSP_NONCE__';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  // Vite stamps the placeholder on its tags and on <meta property="csp-nonce">, where the app reads it for
  // Mantine's runtime <style> tags: with a per-response nonce they need no 'unsafe-inline'.
  html: { cspNonce: cspNoncePlaceholder },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
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
