// Entry of `npm run bench`: runs every benchmark in turn, prints one table, writes bench/results/latest.{json,md}.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { billingContractCount, billingPostgres } from './billing.js';
import { coldStart } from './cold-start.js';
import { contractsPostgres } from './contract-list.js';
import { contractRenewalsPostgres } from './contract-renewals.js';
import { httpEmbedded, httpPostgres } from './http-throughput.js';
import { licencesPostgres } from './licence-validate.js';
import { ordersEmbedded, ordersPostgres } from './order-placement.js';
import { outboxEmbedded, outboxPostgres } from './outbox-throughput.js';
import { pgliteWrites, postgresWrites } from './pglite-writes.js';
import { processStart } from './process-start.js';
import { storePostgres } from './store-list.js';
import { type BenchEnv, now, type ResultRow, type Section, withTimeout } from './support.js';

interface Step {
  /** Selects the step on the command line: `npm run bench -- http outbox`. */
  key:
    | 'cold-start'
    | 'http'
    | 'outbox'
    | 'writes'
    | 'orders'
    | 'store'
    | 'contracts'
    | 'contract-renewals'
    | 'licences'
    | 'process-start'
    | 'billing';
  title: string;
  needsPostgres: boolean;
  /** Hard bound on the step, so one stuck benchmark cannot hold the whole run. */
  limitMs: number;
  run(env: BenchEnv): Promise<Section[]>;
}

interface StepOutcome {
  key: string;
  title: string;
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  error?: string;
}

const steps: Step[] = [
  {
    key: 'billing',
    title: 'monthly billing close against a raw COPY of the same rows (PostgreSQL)',
    needsPostgres: true,
    limitMs: 1_800_000,
    run: async (env) => [await billingPostgres(env.postgresUrl!, billingContractCount(process.argv))],
  },
  {
    key: 'cold-start',
    title: 'cold start (embedded)',
    needsPostgres: false,
    limitMs: 90_000,
    run: coldStart,
  },
  {
    key: 'process-start',
    title: 'npm start as a process: compiled and with the TypeScript loader (embedded)',
    needsPostgres: false,
    limitMs: 600_000,
    run: processStart,
  },
  {
    key: 'http',
    title: 'HTTP (embedded)',
    needsPostgres: false,
    limitMs: 60_000,
    run: async () => [await httpEmbedded()],
  },
  {
    key: 'http',
    title: 'HTTP (PostgreSQL)',
    needsPostgres: true,
    limitMs: 60_000,
    run: async (env) => [await httpPostgres(env.postgresUrl!)],
  },
  {
    key: 'outbox',
    title: 'outbox mail (embedded)',
    needsPostgres: false,
    limitMs: 75_000,
    run: async () => [await outboxEmbedded()],
  },
  {
    key: 'outbox',
    title: 'outbox mail (PostgreSQL)',
    needsPostgres: true,
    limitMs: 75_000,
    run: async (env) => [await outboxPostgres(env.postgresUrl!)],
  },
  { key: 'writes', title: 'PGlite writes', needsPostgres: false, limitMs: 60_000, run: pgliteWrites },
  {
    key: 'writes',
    title: 'PostgreSQL writes',
    needsPostgres: true,
    limitMs: 60_000,
    run: async (env) => [await postgresWrites(env.postgresUrl!)],
  },
  {
    key: 'orders',
    title: 'order placement (embedded)',
    needsPostgres: false,
    limitMs: 180_000,
    run: async () => [await ordersEmbedded()],
  },
  {
    key: 'orders',
    title: 'order placement (PostgreSQL)',
    needsPostgres: true,
    limitMs: 180_000,
    run: async (env) => [await ordersPostgres(env.postgresUrl!)],
  },
  {
    key: 'store',
    title: 'store reads against a bare Hono + pg server (PostgreSQL)',
    needsPostgres: true,
    limitMs: 900_000,
    run: async (env) => [await storePostgres(env.postgresUrl!)],
  },
  {
    key: 'contracts',
    title: "My Page's contract list against a bare Hono + pg server (PostgreSQL)",
    needsPostgres: true,
    limitMs: 600_000,
    run: async (env) => [await contractsPostgres(env.postgresUrl!)],
  },
  {
    key: 'contract-renewals',
    title: 'the automatic-renewal sweep against a bare INSERT … SELECT (PostgreSQL)',
    needsPostgres: true,
    limitMs: 900_000,
    run: async (env) => [await contractRenewalsPostgres(env.postgresUrl!)],
  },
  {
    key: 'licences',
    title: "the licence API's validate among 1M licences against a bare Hono + pg lookup (PostgreSQL)",
    needsPostgres: true,
    limitMs: 1_200_000,
    run: async (env) => [await licencesPostgres(env.postgresUrl!)],
  },
];

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

function packageVersion(name: string): string | null {
  try {
    const text = readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    return dirty ? `${head} (uncommitted changes)` : head;
  } catch {
    return null;
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

/** The URL with its password hidden, for output that may be pasted into notes. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    // Other work on the machine moves every number here; the load says whether this run had company.
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    pglite: packageVersion('@electric-sql/pglite'),
    pgBoss: packageVersion('pg-boss'),
    commit: gitCommit(),
  };
}

function shown(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 3 }) : '—';
}

interface FlatRow extends ResultRow {
  benchmark: string;
  target: string;
}

/** A plain-text table: numbers right-aligned, notes last so long ones do not push the numbers away. */
function textTable(rows: FlatRow[]): string {
  const header = ['benchmark', 'target', 'metric', 'value', 'unit', 'note'];
  const cells = rows.map((r) => [r.benchmark, r.target, r.metric, shown(r.value), r.unit, r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : i === 5 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(header),
    widths.map((w, i) => '-'.repeat(i === 5 ? 4 : w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

function markdownTable(rows: FlatRow[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [
    '| benchmark | target | metric | value | unit | note |',
    '|---|---|---|--:|---|---|',
    ...rows.map(
      (r) =>
        `| ${esc(r.benchmark)} | ${esc(r.target)} | ${esc(r.metric.trim())} | ${shown(r.value)} | ${r.unit} | ${esc(r.note ?? '')} |`,
    ),
  ].join('\n');
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const countAt = argv.indexOf('--contracts');
  // `--contracts N` is the billing bench's option, not a benchmark name.
  const wanted = countAt >= 0 ? argv.filter((_, i) => i !== countAt && i !== countAt + 1) : argv;
  const unknown = wanted.filter((w) => !steps.some((s) => s.key === w));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark ${unknown.join(', ')}; choose from ${[...new Set(steps.map((s) => s.key))].join(', ')}`,
    );
    return 2;
  }
  const env: BenchEnv = { postgresUrl: process.env.BENCH_DATABASE_URL || null };
  const info = machine();
  let postgres: { url: string; version: string } | null = null;
  if (env.postgresUrl) {
    postgres = { url: redacted(env.postgresUrl), version: await postgresVersion(env.postgresUrl) };
  }
  console.log(
    `keiyaku bench — ${info.date}, Node ${info.node}, ${info.cpus} × ${info.cpuModel}, ${info.totalMemoryGiB} GiB, ${info.platform}, load ${info.loadAverageAtStart.join(' ')}`,
  );
  console.log(
    postgres
      ? `PostgreSQL ${postgres.version} at ${postgres.url}`
      : 'PostgreSQL: skipped (BENCH_DATABASE_URL is not set). To include it: createdb keiyaku_bench, then\n  BENCH_DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/keiyaku_bench npm run bench',
  );

  const sections: Section[] = [];
  const outcomes: StepOutcome[] = [];
  const started = now();
  for (const step of steps) {
    if (wanted.length > 0 && !wanted.includes(step.key)) continue;
    if (step.needsPostgres && !env.postgresUrl) {
      outcomes.push({
        key: step.key,
        title: step.title,
        status: 'skipped',
        ms: 0,
        error: 'BENCH_DATABASE_URL not set',
      });
      continue;
    }
    console.error(`▶ ${step.title}`);
    const t0 = now();
    try {
      sections.push(...(await withTimeout(step.run(env), step.limitMs, step.title)));
      outcomes.push({ key: step.key, title: step.title, status: 'ok', ms: now() - t0 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`✖ ${step.title} failed: ${message}`);
      outcomes.push({ key: step.key, title: step.title, status: 'failed', ms: now() - t0, error: message });
    }
  }
  const totalMs = now() - started;

  const flat: FlatRow[] = sections.flatMap((s) =>
    s.rows.map((r) => ({ benchmark: s.benchmark, target: s.target, ...r })),
  );
  console.log(`\n${textTable(flat)}\n`);
  for (const o of outcomes.filter((o) => o.status !== 'ok'))
    console.log(`${o.status}: ${o.title} — ${o.error}`);
  console.log(`total ${(totalMs / 1000).toFixed(1)} s`);

  mkdirSync(resultsDir, { recursive: true });
  const loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const json = {
    machine: { ...info, loadAverageAtEnd },
    postgres,
    totalMs: Math.round(totalMs),
    steps: outcomes,
    sections,
  };
  writeFileSync(`${resultsDir}latest.json`, `${JSON.stringify(json, null, 2)}\n`);
  const md = [
    '# keiyaku benchmark results',
    '',
    `${info.date} · Node ${info.node} · ${info.cpus} × ${info.cpuModel} · ${info.totalMemoryGiB} GiB · ${info.platform}`,
    `PGlite ${info.pglite} · pg-boss ${info.pgBoss} · commit ${info.commit ?? 'unknown'} · ${postgres ? `PostgreSQL ${postgres.version}` : 'PostgreSQL skipped'} · load average ${info.loadAverageAtStart.join(' ')} → ${loadAverageAtEnd.join(' ')}`,
    '',
    markdownTable(flat),
    '',
    ...outcomes.filter((o) => o.status !== 'ok').map((o) => `- ${o.status}: ${o.title} — ${o.error}`),
    `Total ${(totalMs / 1000).toFixed(1)} s. Produced by \`npm run bench\`; see bench/README.md for what each number means.`,
    '',
  ].join('\n');
  writeFileSync(`${resultsDir}latest.md`, md);
  console.log(`wrote ${resultsDir}latest.json and latest.md`);
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

// Exit explicitly: a benchmark that gave up may leave timers behind, and the run must end by itself.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
