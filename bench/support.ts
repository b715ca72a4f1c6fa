// Shared pieces of the benchmarks: result rows, timing, percentiles, scratch folders, configs and time limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, loadConfig } from '../src/config.js';

/** One measured number; `note` carries what a reader needs to interpret it. */
export interface ResultRow {
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

/** What one benchmark measured on one target (`pglite (disk)`, `postgres` …). */
export interface Section {
  benchmark: string;
  target: string;
  rows: ResultRow[];
  /** Raw samples and settings, kept in the JSON only. */
  details?: Record<string, unknown>;
}

/** Where PostgreSQL benchmarks may write, or null when BENCH_DATABASE_URL is not set. */
export interface BenchEnv {
  postgresUrl: string | null;
}

/** Fixed, not secret: the benchmark database is throwaway and config demands 32+ characters with DATABASE_URL. */
export const BENCH_SECRET = 'keiyaku-bench-secret-not-for-production-0123456789';

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export const now = (): number => performance.now();

/** Runs `fn` and returns its result with the milliseconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = now();
  const result = await fn();
  return { result, ms: now() - started };
}

/** Nearest-rank percentile of already sorted numbers (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Rounds for display and JSON: whole numbers stay whole, small ones keep two or three decimals. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A fresh scratch folder under the OS temp dir; `remove()` deletes it. */
export function scratchDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `keiyaku-bench-${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs a benchmark on a node configuration over a scratch folder that is removed afterwards. */
export async function onScratch<T>(
  label: string,
  configFor: (dataDir: string) => Config,
  run: (config: Config) => Promise<T>,
): Promise<T> {
  const dir = scratchDir(label);
  try {
    return await run(configFor(dir.path));
  } finally {
    dir.remove();
  }
}

/** An embedded node's configuration: its own data folder, any free port, no logs. */
export function embeddedConfig(dataDir: string): Config {
  return loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
}

/**
 * The PostgreSQL configuration: explicit env only, so a DATABASE_URL in the shell never redirects
 * a benchmark; DATA_DIR still points at scratch because nothing should land in ./data.
 */
export function postgresConfig(url: string, dataDir: string): Config {
  return loadConfig({
    DATABASE_URL: url,
    SECRET: BENCH_SECRET,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
}

/** Rejects after `ms` so a stuck benchmark cannot hold the whole run; the work itself is not cancelled. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: gave up after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Progress goes to stderr so stdout stays the table. */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}
