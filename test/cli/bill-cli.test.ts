// `keiyaku bill` as an operator runs it at a terminal: a dry run, the close with progress and its summary, and a second close answering the first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  demoProductId,
  insertBillingContract,
  insertBillingMember,
  setInvoiceIssuer,
} from '../helpers/billing-fixtures.js';
import { runCli } from '../helpers/cli.js';

// Each command is a process of its own that opens the database (and on an embedded folder runs its
// migrations): on a loaded two-core machine a test of several commands can pass the suite's minute.
vi.setConfig({ testTimeout: 180_000 });

let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'keiyaku-bill-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pg') });
  try {
    await migrateDatabase(database);
    const clock = new FakeClock('2026-03-01T09:00:00+09:00');
    const at = toDate(clock.now());
    const db = database.db;
    await seedDemoCatalog(db, { actor: { kind: 'cli', id: 'test' }, now: clock.now() });
    await setInvoiceIssuer(db, {
      issuerName: '株式会社キーヤク',
      registrationNumber: 'T1020001071491',
      taxRounding: 'floor',
    });
    const productId = await demoProductId(db);
    for (let i = 0; i < 3; i++) {
      const memberId = await insertBillingMember(db, `請求 ${String(i)}`, at);
      // ¥105 three times on one invoice: ¥31 of tax, not 3 × ¥10.
      await insertBillingContract(db, {
        memberId,
        productId,
        termMonths: 1,
        start: '2026-03-20',
        lines: [
          { code: 'a', amount: 105, taxRate: 10 },
          { code: 'b', amount: 105, taxRate: 10 },
          { code: 'c', amount: 105, taxRate: 10 },
        ],
        at,
      });
    }
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('keiyaku bill', () => {
  it('a dry run prints what the close would write and saves nothing', async () => {
    const dry = await runCli(['bill', '--month', '2026-04', '--dry-run'], { DATA_DIR: dataDir });
    expect(dry.stderr).toContain('[####################] 100% 3/3 members · 3 invoices');
    expect(dry.stdout.split('\n').slice(0, 6)).toEqual([
      'Dry run for 2026-04: nothing was saved. The close would write:',
      '  period:        2026-04-01 – 2026-04-30 (profile default)',
      '  invoices:      3 (3 written by this run)',
      '  lines:         9',
      '  members:       3 with billable contracts',
      '  total:         ¥1,038 (tax ¥93)',
    ]);
    expect(dry.code).toBe(0);
  }, 120_000);

  it('closes the month with progress, rate and ETA, then answers the same result again', async () => {
    const run = await runCli(['bill', '--month', '2026-04', '--chunk-size', '2'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /\[#{13}\.{7}\] 66% 2\/3 members · 2 invoices · [\d,]+ invoices\/s · ETA \d+s/,
    );
    expect(run.stderr).toMatch(/\[#{20}\] 100% 3\/3 members · 3 invoices · [\d,]+ invoices\/s · ETA 0s/);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Closed 2026-04 \(run brn_[0-9a-f-]{36}\) in \d+\.\ds\.$/);
    expect(lines.slice(1, 6)).toEqual([
      '  period:        2026-04-01 – 2026-04-30 (profile default)',
      '  invoices:      3 (3 written by this run)',
      '  lines:         9',
      '  members:       3 with billable contracts',
      '  total:         ¥1,038 (tax ¥93)',
    ]);
    const again = await runCli(['bill', '--month', '2026-04'], { DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    const runId = /run (brn_[0-9a-f-]{36})/.exec(lines[0]!)![1];
    expect(again.stdout).toContain(`2026-04 was already closed (run ${runId!}, finished `);
    expect(again.stdout).toContain('  invoices:      3 (0 written by this run)');
  }, 120_000);

  it('refuses a malformed month with a clear message and exit code 1', async () => {
    const bad = await runCli(['bill', '--month', '2026-4'], { DATA_DIR: dataDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('keiyaku: The month must be YYYY-MM (2026-4).');
    expect(bad.stderr).toContain('keiyaku: 締め月は YYYY-MM の形で指定してください（2026-4）。');
  }, 120_000);
});
