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
