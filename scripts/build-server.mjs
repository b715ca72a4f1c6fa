// Compiles the server (src/**/*.ts) to JavaScript in dist/server/, file by file, so `npm start` needs no TypeScript loader.
// `--if-stale` skips the work when no file under src/ changed since the last build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(root, 'src');
const outDir = process.env.KEIYAKU_SERVER_OUT ?? join(root, 'dist/server');
const stamp = join(outDir, '.built');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Compiles src/ into dist/server/ (with `ifStale`, only when a file under src/ is newer than the last build); true when it built. */
export async function buildServer({ ifStale = false } = {}) {
  const files = walk(srcDir);
  if (ifStale && existsSync(stamp)) {
    const built = statSync(stamp).mtimeMs;
    // A deleted file leaves its old output behind, which nothing imports any more: harmless.
    if (files.every((file) => statSync(file).mtimeMs <= built)) return false;
  }

  const sources = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  await build({
    entryPoints: sources,
    outdir: outDir,
    outbase: srcDir,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node 20.10+ reads `with { type: 'json' }`; esbuild would otherwise drop the attribute.
    supported: { 'import-attributes': true },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Data the code imports beside itself (JSON); SQL migrations are read from src/ (see src/db/migrate.ts).
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const target = join(outDir, relative(srcDir, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer({ ifStale: process.argv.includes('--if-stale') });
}
