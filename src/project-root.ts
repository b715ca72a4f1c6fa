// Where the project's files are, whether the server runs from src/ (TypeScript) or from dist/server/ (compiled).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  // The first package.json above this file is the project's: src/ and dist/server/ sit below it.
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The project's root folder (the one with package.json). */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
