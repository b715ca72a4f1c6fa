// The only way our code reads the time: a system clock in production, a fake one that travels in tests.
import { Temporal } from 'temporal-polyfill';

export const STORE_TIME_ZONE = 'Asia/Tokyo';

/** Reads "now". Flows and jobs receive one instead of calling Date.now(). */
export interface Clock {
  now(): Temporal.Instant;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Temporal.Now.instant(),
};

/** A clock that stands still until told to move: `travelTo` and `advance`. */
export class FakeClock implements Clock {
  private current: Temporal.Instant;

  constructor(start: string | Temporal.Instant = '2026-04-01T09:00:00+09:00') {
    this.current = toInstant(start);
  }

  now(): Temporal.Instant {
    return this.current;
  }

  /** Jumps to an instant, e.g. `travelTo('2026-04-13T09:00+09:00')`. */
  travelTo(to: string | Temporal.Instant): void {
    this.current = toInstant(to);
  }

  /** Moves forward by a duration, e.g. `advance({ hours: 2 })`. */
  advance(by: Temporal.DurationLike): void {
    this.current = this.current.add(Temporal.Duration.from(by));
  }
}

/**
 * The store clock for rehearsals (`KEIYAKU_TEST_CLOCK=1`): a base clock (the system's, or a fake one in
 * tests) plus an offset that owners move forward. The offset is persisted by the store module, which
 * sets it here when a node starts, when it moves the clock, and when it re-reads the table; this class
 * only adds, so "now" stays synchronous and every reader keeps calling `ctx.clock.now()`.
 */
export class StoreClock implements Clock {
  private offset = 0;

  constructor(readonly base: Clock) {}

  now(): Temporal.Instant {
    return this.base.now().add({ milliseconds: this.offset });
  }

  /** How far ahead of the base clock the store is, in milliseconds (0 until moved). */
  get offsetMilliseconds(): number {
    return this.offset;
  }

  /** Sets the offset read from the store's table; a whole, non-negative number of milliseconds. */
  setOffset(milliseconds: number): void {
    if (!Number.isSafeInteger(milliseconds) || milliseconds < 0) {
      throw new RangeError(`A store clock offset is whole milliseconds ≥ 0, got ${String(milliseconds)}`);
    }
    this.offset = milliseconds;
  }
}

function toInstant(value: string | Temporal.Instant): Temporal.Instant {
  return typeof value === 'string' ? Temporal.Instant.from(value) : value;
}

/** The store's business date (Asia/Tokyo) at an instant. */
export function businessDateAt(instant: Temporal.Instant): Temporal.PlainDate {
  return instant.toZonedDateTimeISO(STORE_TIME_ZONE).toPlainDate();
}

/** The instant as a JavaScript Date, for database columns and libraries that need one. */
export function toDate(instant: Temporal.Instant): Date {
  return new Date(instant.epochMilliseconds);
}
