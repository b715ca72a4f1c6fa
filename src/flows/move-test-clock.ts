// Moves the store clock of a rehearsal forward, runs every sweep due by the new time, and hands queued mail to the worker.
import { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { StoreClock } from '../domain/clock.js';
import { AppError, kernelErrors } from '../domain/errors.js';
import { runSweeps, type SweepResult } from '../jobs/sweeps.js';
import type { Actor } from '../modules/audit/index.js';
import { moveStoreClock, STORE_CLOCK_REFRESH_MS } from '../modules/store/index.js';

/** The rehearsal clock of this node, or 404 `not_found` when the store runs without `KEIYAKU_TEST_CLOCK=1`. */
export function testClockOf(ctx: AppContext): StoreClock {
  if (!ctx.config.testClock || !(ctx.clock instanceof StoreClock)) throw kernelErrors.notFound();
  return ctx.clock;
}

/** What the console shows about the rehearsal clock. */
export interface TestClockState {
  now: Temporal.Instant;
  offsetMs: number;
  /** How soon the other nodes see a move: they re-read the offset this often. */
  refreshMs: number;
}

/** The store's time on this node and how far ahead of the system clock it is. */
export function getTestClock(ctx: AppContext): TestClockState {
  const clock = testClockOf(ctx);
  return { now: clock.now(), offsetMs: clock.offsetMilliseconds, refreshMs: STORE_CLOCK_REFRESH_MS };
}

export interface MoveTestClockInput {
  /** An instant with its offset, e.g. `2027-04-01T09:00:00+09:00`. */
  to: string;
  actor: Actor;
}

export interface TestClockMove {
  from: Temporal.Instant;
  now: Temporal.Instant;
  offsetMs: number;
  /** Every registered sweep, in the order run, with how much each did. */
  sweeps: SweepResult[];
  /** Outbox messages handed to the delivery queues; null on a node without a worker (its timer does it). */
  dispatched: number | null;
}

function parseInstant(value: string): Temporal.Instant {
  try {
    return Temporal.Instant.from(value);
  } catch {
    throw new AppError({
      code: 'invalid_instant',
      status: 422,
      message: {
        ja: `日時 "${value}" は 2027-04-01T09:00:00+09:00 のように時差付きで指定してください。`,
        en: `"${value}" is not a date and time with an offset, such as 2027-04-01T09:00:00+09:00.`,
      },
    });
  }
}

/**
 * Moves the store's time to `to` (409 `test_clock_backwards` when it is behind the store's time), then runs
 * every sweep in order with the new time and dispatches the outbox, so everything due by then has been
 * done when this returns — mail is queued for delivery, not yet delivered.
 */
export async function moveTestClock(ctx: AppContext, input: MoveTestClockInput): Promise<TestClockMove> {
  const clock = testClockOf(ctx);
  const to = parseInstant(input.to);
  const move = await moveStoreClock(ctx.db, { clock, to, actor: input.actor });
  const sweeps = await runSweeps(ctx, move.to);
  const dispatched = ctx.jobs ? await ctx.jobs.dispatchNow() : null;
  ctx.logger.warn(
    { from: move.from.toString(), to: move.to.toString(), sweeps },
    'store clock moved for a rehearsal',
  );
  return { from: move.from, now: move.to, offsetMs: move.offsetMs, sweeps, dispatched };
}
