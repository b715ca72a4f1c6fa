// Japanese bank business days on Temporal.PlainDate: weekends, national holidays, Dec 31–Jan 3, store closures.
import holidayJp from '@holiday-jp/holiday_jp';
import { Temporal } from 'temporal-polyfill';

/** Options for a store's calendar. */
export interface BusinessCalendarOptions {
  /** Extra days the operator is closed (e.g. お盆), as PlainDates or `YYYY-MM-DD`. */
  closureDays?: Iterable<Temporal.PlainDate | string>;
}

// Looked up by the ISO `YYYY-MM-DD` key rather than through the library's Date API: its helpers read
// Date's local-zone fields, so a Date built at UTC midnight names the previous day west of UTC. A
// PlainDate's toString() is the key itself and no zone is ever involved.
const holidayTable: Readonly<Record<string, { readonly name: string } | undefined>> = holidayJp.holidays;

const coveredYears = (() => {
  const years = Object.keys(holidayTable).map((key) => Number(key.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

/**
 * A bank business-day calendar: Saturdays, Sundays, national and substitute holidays (and 国民の休日),
 * the bank closing days Dec 31 – Jan 3, and the operator's own closure days are not business days.
 * Pure: no clock, no I/O.
 */
export class BusinessCalendar {
  private readonly closures: ReadonlySet<string>;

  constructor(options: BusinessCalendarOptions = {}) {
    const closures = new Set<string>();
    for (const day of options.closureDays ?? []) closures.add(Temporal.PlainDate.from(day).toString());
    this.closures = closures;
  }

  /** Whether the day is a national or substitute holiday (or 国民の休日) by the holiday_jp data. */
  isHoliday(date: Temporal.PlainDate): boolean {
    return this.holidayName(date) !== null;
  }

  /** The holiday's Japanese name as holiday_jp gives it (e.g. `こどもの日 振替休日`), or null. */
  holidayName(date: Temporal.PlainDate): string | null {
    // Outside the data's years "no holiday" would be a silent lie about due dates, so it is refused.
    if (date.year < coveredYears.first || date.year > coveredYears.last) {
      throw new RangeError(
        `No holiday data for ${date.toString()} (covered: ${coveredYears.first}–${coveredYears.last})`,
      );
    }
    return holidayTable[date.toString()]?.name ?? null;
  }

  /** Whether the day is one of the banks' year-end/new-year closing days, Dec 31 – Jan 3. */
  isBankClosingDay(date: Temporal.PlainDate): boolean {
    return (date.month === 12 && date.day === 31) || (date.month === 1 && date.day <= 3);
  }

  /** Whether the operator declared the day closed. */
  isClosureDay(date: Temporal.PlainDate): boolean {
    return this.closures.has(date.toString());
  }

  /** Whether banks and the store both work that day. */
  isBusinessDay(date: Temporal.PlainDate): boolean {
    return (
      date.dayOfWeek < 6 && !this.isBankClosingDay(date) && !this.isClosureDay(date) && !this.isHoliday(date)
    );
  }

  /** The day itself if it is a business day, else the first business day after it (rolls forward). */
  nextBusinessDay(date: Temporal.PlainDate): Temporal.PlainDate {
    let day = date;
    while (!this.isBusinessDay(day)) day = day.add({ days: 1 });
    return day;
  }

  /** The day itself if it is a business day, else the last business day before it (rolls backward). */
  previousBusinessDay(date: Temporal.PlainDate): Temporal.PlainDate {
    let day = date;
    while (!this.isBusinessDay(day)) day = day.subtract({ days: 1 });
    return day;
  }

  /** The first business day strictly after the day. */
  businessDayAfter(date: Temporal.PlainDate): Temporal.PlainDate {
    return this.nextBusinessDay(date.add({ days: 1 }));
  }

  /** The last business day strictly before the day. */
  businessDayBefore(date: Temporal.PlainDate): Temporal.PlainDate {
    return this.previousBusinessDay(date.subtract({ days: 1 }));
  }

  /**
   * The n-th business day after the day (n > 0) or before it (n < 0), counting only days strictly after
   * (before) it, so a Saturday + 1 is the following Monday. n = 0 rolls forward like `nextBusinessDay`,
   * because a date "0 business days later" must still be a business day.
   */
  addBusinessDays(date: Temporal.PlainDate, n: number): Temporal.PlainDate {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Business days must be an integer, got ${String(n)}`);
    if (n === 0) return this.nextBusinessDay(date);
    let day = date;
    for (let i = 0; i < Math.abs(n); i++) {
      day = n > 0 ? this.businessDayAfter(day) : this.businessDayBefore(day);
    }
    return day;
  }
}

/** The plain bank calendar, without any store closure days. */
export const bankCalendar = new BusinessCalendar();

/** "Next business day if a holiday": the day itself or the first business day after it. */
export function rollForwardToBusinessDay(
  date: Temporal.PlainDate,
  calendar: BusinessCalendar = bankCalendar,
): Temporal.PlainDate {
  return calendar.nextBusinessDay(date);
}
