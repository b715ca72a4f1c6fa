// `keiyaku bill --month YYYY-MM [--dry-run]`: the monthly billing close from the command line, with progress, rate, ETA and a summary.
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { systemClock } from '../../domain/clock.js';
import { formatYen, yen } from '../../domain/money.js';
import { type CloseProgress, type CloseResult, closeBillingMonth } from '../../modules/billing/index.js';
import { withStore } from '../with-store.js';

interface BillOptions {
  month: string;
  dryRun?: boolean;
  chunkSize: string;
}

const number = (n: number) => n.toLocaleString('en-US');

/** One progress line: members done of all, invoices, rate and the time left at that rate. */
export function progressLine(progress: CloseProgress, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const rate = progress.membersDone / seconds;
  const left = rate > 0 ? Math.max(progress.membersTotal - progress.membersDone, 0) / rate : 0;
  const percent =
    progress.membersTotal > 0 ? Math.floor((progress.membersDone / progress.membersTotal) * 100) : 100;
  const width = 20;
  const filled = Math.min(width, Math.floor((percent / 100) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent)}% ${number(progress.membersDone)}/${number(progress.membersTotal)} members · ${number(progress.invoicesWritten)} invoices · ${number(Math.round(progress.invoicesWritten / seconds))} invoices/s · ETA ${left.toFixed(0)}s`;
}

function summary(result: CloseResult, elapsedMs: number): string[] {
  const { run } = result;
  const head = result.alreadyClosed
    ? `${run.month} was already closed (run ${run.id}, finished ${run.finishedAt ?? '-'}); nothing was billed again.`
    : result.dryRun
      ? `Dry run for ${run.month}: nothing was saved. The close would write:`
      : `Closed ${run.month} (run ${run.id}) in ${(elapsedMs / 1000).toFixed(1)}s.`;
  return [
    head,
    `  period:        ${run.periodFrom} – ${run.periodThrough} (profile ${run.profileId})`,
    `  invoices:      ${number(run.invoiceCount)} (${number(result.written.invoices)} written by this run)`,
    `  lines:         ${number(run.lineCount)}`,
    `  members:       ${number(run.memberCount)} with billable contracts`,
    `  total:         ${formatYen(yen(run.totalAmount))} (tax ${formatYen(yen(run.taxAmount))})`,
  ];
}

/** Registers `bill --month YYYY-MM [--dry-run] [--chunk-size N]`. */
export function registerBill(program: Command): void {
  program
    .command('bill')
    .description('run the monthly billing close: one qualified invoice per member for the month')
    .requiredOption('--month <YYYY-MM>', 'the month to close, e.g. 2026-04')
    .option('--dry-run', 'compute everything the close would write, then save nothing')
    .option('--chunk-size <members>', 'members per transaction', '2000')
    .action(async (options: BillOptions) => {
      const started = performance.now();
      const interactive = process.stderr.isTTY === true;
      let nextDecile = 10;
      const result = await withStore('keiyaku bill', ({ db, actor }) =>
        closeBillingMonth(db, {
          month: options.month,
          dryRun: options.dryRun === true,
          actor,
          now: systemClock.now(),
          chunkSize: Math.max(1, Number.parseInt(options.chunkSize, 10) || 2000),
          onProgress: (progress) => {
            const line = progressLine(progress, performance.now() - started);
            if (interactive) {
              process.stderr.write(`\r${line}`);
              return;
            }
            // Without a terminal, a line per tenth keeps logs short.
            const percent =
              progress.membersTotal > 0 ? (progress.membersDone / progress.membersTotal) * 100 : 100;
            if (percent >= nextDecile || progress.membersDone === progress.membersTotal) {
              process.stderr.write(`${line}\n`);
              while (nextDecile <= percent) nextDecile += 10;
            }
          },
        }),
      );
      if (interactive) process.stderr.write('\n');
      for (const line of summary(result, performance.now() - started)) console.log(line);
    });
}
