// One process per embedded data folder: PGlite itself would let a second process corrupt it.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';

export const LOCK_FILE_NAME = 'keiyaku.lock';

export interface LockContents {
  pid: number;
  purpose: string;
  url?: string;
  since: string;
}

export interface DataDirLock {
  path: string;
  /** Records where the running server answers, so a refused command can point at it. */
  describe(url: string): void;
  release(): void;
}

/** Thrown when another live process holds the folder. */
export function dataDirInUse(dataDir: string, holder: LockContents): AppError {
  const where = holder.url ? ` at ${holder.url}` : '';
  return new AppError({
    code: 'data_dir_in_use',
    status: 409,
    message: {
      ja: `データフォルダ ${dataDir} は別の keiyaku（pid ${holder.pid}、${holder.purpose}${where}）が使用中です。そのプロセスを停止してから実行してください。`,
      en: `The data folder ${dataDir} is in use by another keiyaku (pid ${holder.pid}, ${holder.purpose}${where}). Stop that process first.`,
    },
  });
}

/** Folders this process holds, so that its own pid in a lock file can be told from a reused one. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockContents | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockContents;
  } catch {
    return undefined;
  }
}

/** The live process holding the folder, if any: a command that finds it busy can ask that process instead. */
export function dataDirHolder(dataDir: string): LockContents | undefined {
  const path = join(dataDir, LOCK_FILE_NAME);
  const holder = readLock(path);
  if (!holder) return undefined;
  if (holder.pid === process.pid) return heldHere.has(path) ? holder : undefined;
  return isAlive(holder.pid) ? holder : undefined;
}

/** Takes the folder's lock or throws `data_dir_in_use`; a lock left by a dead process is taken over. */
export function acquireDataDirLock(dataDir: string, purpose: string, now: Date): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  const contents: LockContents = { pid: process.pid, purpose, since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(contents));
      closeSync(fd);
      heldHere.add(path);
      return {
        path,
        describe(url) {
          contents.url = url;
          const fd2 = openSync(path, 'w', 0o600);
          writeSync(fd2, JSON.stringify(contents));
          closeSync(fd2);
        },
        release() {
          heldHere.delete(path);
          const current = readLock(path);
          if (current?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(path);
      // A lock naming our own pid that we do not hold was left by an earlier process whose pid the
      // system handed out again (common in containers, where the server is often pid 1).
      const heldByOther = holder && (holder.pid === process.pid ? heldHere.has(path) : isAlive(holder.pid));
      if (holder && heldByOther) throw dataDirInUse(dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock ${path}`);
}
