// The web app loads one area at a time: read from the build's manifest, the store downloads no console or My Page code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support';

// Written by `vite build` (build.manifest) and by the chunk-modules plugin in web/vite.config.ts; the
// global set-up builds the app from the sources under test before this file runs.
const webRoot = join(repoRoot, 'dist/web');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const manifest = JSON.parse(readFileSync(join(webRoot, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;
const chunkModules = JSON.parse(readFileSync(join(webRoot, '.vite/chunk-modules.json'), 'utf8')) as Record<
  string,
  string[]
>;

// Source paths are relative to web/.
const consoleCode = /^src\/(pages\/admin\/|layouts\/admin-layout\.tsx$|api\/admin)/;
const mypageCode = /^src\/pages\/(mypage[^/]*|profile-edit)\.tsx$/;

function entryKey(src: string): string {
  const key = Object.keys(manifest).find((k) => manifest[k]?.src === src);
  if (key === undefined) throw new Error(`the manifest has no chunk for ${src}`);
  return key;
}

/** The manifest keys a page load fetches for these entries: each with every chunk it imports statically. */
function staticClosure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(manifest[key]?.imports ?? []));
  }
  return seen;
}

/** The source files inside the chunks. */
function sourcesOf(keys: Set<string>): string[] {
  return [...keys].flatMap((key) => chunkModules[manifest[key]?.file ?? ''] ?? []).sort();
}

function gzipKb(keys: Set<string>): number {
  const bytes = [...keys]
    .map((key) => manifest[key]?.file ?? '')
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(webRoot, file))).length, 0);
  return Math.round(bytes / 1024);
}

const routeModules = Object.values(manifest)
  .filter(
    (chunk) => chunk.isDynamicEntry && chunk.src?.startsWith('src/') && !chunk.src.startsWith('src/i18n/'),
  )
  .map((chunk) => chunk.src as string);
const storeRoutes = routeModules.filter((src) => !consoleCode.test(src) && !mypageCode.test(src));

// What the first page of each area downloads in Japanese (the default language).
const storeFirstPage = staticClosure([
  'index.html',
  entryKey('src/i18n/ja.json?area=store'),
  entryKey('src/layouts/layouts.tsx'),
  entryKey('src/pages/store.tsx'),
]);
const mypageFirstPage = staticClosure([
  'index.html',
  entryKey('src/i18n/ja.json?area=store'),
  entryKey('src/i18n/ja.json?area=mypage'),
  entryKey('src/layouts/layouts.tsx'),
  entryKey('src/pages/mypage.tsx'),
]);
const consoleFirstPage = staticClosure([
  'index.html',
  entryKey('src/i18n/ja.json?area=store'),
  entryKey('src/i18n/ja.json?area=mypage'),
  entryKey('src/i18n/ja.json?area=console'),
  entryKey('src/layouts/admin-layout.tsx'),
  entryKey('src/pages/admin/dashboard.tsx'),
]);

describe('web app areas', () => {
  it('loads every layout and page lazily: the entry imports none of them', () => {
    expect(routeModules).toContain('src/pages/store.tsx');
    expect(routeModules).toContain('src/layouts/admin-layout.tsx');
    expect(routeModules).toContain('src/pages/admin/order-detail.tsx');
    expect(sourcesOf(staticClosure(['index.html'])).filter((src) => src.startsWith('src/pages/'))).toEqual(
      [],
    );
  });

  it('gives a store visitor no console code and no My Page page, on any store page', () => {
    const store = staticClosure(['index.html', ...storeRoutes.map(entryKey)]);
    expect(storeRoutes).toContain('src/pages/checkout.tsx');
    expect(sourcesOf(store)).toContain('src/pages/checkout.tsx');
    expect(sourcesOf(store).filter((src) => consoleCode.test(src))).toEqual([]);
    expect(sourcesOf(store).filter((src) => mypageCode.test(src))).toEqual([]);
  });

  it('gives a My Page visitor no console code', () => {
    expect(sourcesOf(mypageFirstPage)).toContain('src/pages/mypage.tsx');
    expect(sourcesOf(mypageFirstPage).filter((src) => consoleCode.test(src))).toEqual([]);
  });

  it('keeps the console in the console: its first page carries the console layout', () => {
    expect(sourcesOf(consoleFirstPage)).toContain('src/layouts/admin-layout.tsx');
    expect(sourcesOf(consoleFirstPage)).toContain('src/api/admin.ts');
  });

  it('keeps the store first page within its JavaScript budget (gzip)', () => {
    const sizes = {
      store: gzipKb(storeFirstPage),
      mypage: gzipKb(mypageFirstPage),
      console: gzipKb(consoleFirstPage),
    };
    // Printed so a change in any area's weight shows in the test output, not only a breach of the budget.
    console.info(`first page JS, gzip KB: ${JSON.stringify(sizes)}`);
    expect(sizes.store).toBeLessThanOrEqual(200);
    // My Page's home leaves the profile editor (form rules, phone parsing) to the profile page: 226 KB when this was written.
    expect(sizes.mypage).toBeLessThanOrEqual(240);
  });
});
