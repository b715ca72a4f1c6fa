// `npm start` as a newcomer runs it: a whole process to its first 200, compiled (plain Node) beside the TypeScript loader, on a new and a reused data folder, with its memory once idle.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { median, progress, type ResultRow, round, type Section, scratchDir, sleep } from './support.js';

const RUNS = 3;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const launchers = {
  compiled: ['--enable-source-maps', 'dist/server/cli/main.js', 'start'],
  'TypeScript loader': ['--import', 'tsx', 'src/cli/main.ts', 'start'],
} as const;
type Launcher = keyof typeof launchers;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in MB, from /proc (Linux only; null elsewhere). */
function residentMb(pid: number): number | null {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Starts the process, times its first 200 on `/` (the store's page), optionally waits and reads its memory, stops it. */
async function startOnce(
  launcher: Launcher,
  dataDir: string,
  idleMs = 0,
): Promise<{ firstOkMs: number; rssMb: number | null }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...launchers[launcher]], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${launcher} exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error(`${launcher} gave no 200 within 120 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      await sleep(20);
    }
    const firstOkMs = performance.now() - started;
    if (idleMs > 0) await sleep(idleMs);
    return { firstOkMs, rssMb: idleMs > 0 ? residentMb(child.pid!) : null };
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** Per launcher: a new folder (initdb, migrations, demo seed) then a restart on it, `RUNS` times. */
export async function processStart(): Promise<Section[]> {
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {};
  for (const launcher of Object.keys(launchers) as Launcher[]) {
    const fresh: number[] = [];
    const reused: number[] = [];
    let rss: number | null = null;
    for (let run = 0; run < RUNS; run++) {
      const dir = scratchDir('process-start');
      try {
        fresh.push((await startOnce(launcher, dir.path)).firstOkMs);
        // The last restart stays up 10 s so the memory is read once the start-up work has settled.
        const again = await startOnce(launcher, dir.path, run === RUNS - 1 ? 10_000 : 0);
        reused.push(again.firstOkMs);
        rss = again.rssMb ?? rss;
      } finally {
        dir.remove();
      }
      progress(
        `${launcher}: new folder ${Math.round(fresh.at(-1)!)} ms, reused ${Math.round(reused.at(-1)!)} ms`,
      );
    }
    const spread = (values: number[]) =>
      `median of ${values.length}: ${values.map(Math.round).join(', ')} ms`;
    rows.push(
      {
        metric: `${launcher}: new folder to first 200`,
        value: round(median(fresh)),
        unit: 'ms',
        note: spread(fresh),
      },
      {
        metric: `${launcher}: reused folder to first 200`,
        value: round(median(reused)),
        unit: 'ms',
        note: spread(reused),
      },
    );
    if (rss !== null)
      rows.push({ metric: `${launcher}: RSS 10 s after start`, value: round(rss), unit: 'MB' });
    details[launcher] = { fresh, reused, rssMb: rss };
  }
  return [{ benchmark: 'process start', target: 'pglite (disk)', rows, details }];
}
