// Unit tests for the bank business calendar: holidays from holiday_jp, year end, closures, day arithmetic.
import holidayJp from '@holiday-jp/holiday_jp';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import { BusinessCalendar, bankCalendar, rollForwardToBusinessDay } from '../../src/domain/calendar.js';

const d = (text: string): Temporal.PlainDate => Temporal.PlainDate.from(text);
const cal = new BusinessCalendar({});

describe('national holidays', () => {
  it.each([
    ['2026-04-29', '昭和の日'],
    ['2026-05-03', '憲法記念日'],
    ['2026-05-04', 'みどりの日'],
    ['2026-05-05', 'こどもの日'],
    ['2026-05-06', 'こどもの日 振替休日'],
  ])('Golden Week 2026: %s is %s', (date, name) => {
    expect(cal.isHoliday(d(date))).toBe(true);
    expect(cal.holidayName(d(date))).toBe(name);
    expect(cal.isBusinessDay(d(date))).toBe(false);
  });

  it.each([
    ['2026-09-21', '敬老の日'],
    ['2026-09-22', '休日'], // 国民の休日: sandwiched between two holidays
    ['2026-09-23', '秋分の日'],
  ])('Silver Week 2026: %s is %s', (date, name) => {
    expect(cal.holidayName(d(date))).toBe(name);
    expect(cal.isBusinessDay(d(date))).toBe(false);
  });

  it('knows ordinary weekdays are not holidays', () => {
    expect(cal.isHoliday(d('2026-04-30'))).toBe(false);
    expect(cal.holidayName(d('2026-05-07'))).toBeNull();
    expect(cal.isHoliday(d('2027-01-04'))).toBe(false);
    expect(cal.isBusinessDay(d('2026-04-30'))).toBe(true);
  });

  it('refuses years the holiday data does not cover instead of guessing', () => {
    expect(() => cal.isBusinessDay(d('2051-03-01'))).toThrow(RangeError);
    expect(() => cal.isHoliday(d('1969-01-01'))).toThrow(RangeError);
  });
});

describe('independence from the process time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each(['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Pacific/Kiritimati'])(
    'finds 2026-01-12 (成人の日) and 2026-05-06 (振替休日) with TZ=%s',
    (tz) => {
      process.env.TZ = tz;
      expect(cal.holidayName(d('2026-01-12'))).toBe('成人の日');
      expect(cal.isHoliday(d('2026-05-06'))).toBe(true);
      expect(cal.isHoliday(d('2026-01-13'))).toBe(false);
      expect(cal.nextBusinessDay(d('2026-01-10'))).toEqual(d('2026-01-13'));
    },
  );

  it('the pitfall it avoids: a UTC-midnight Date read by holiday_jp west of UTC names the day before', () => {
    process.env.TZ = 'America/Los_Angeles';
    // Guards the test itself: if the zone change did not take effect, the next assertion proves nothing.
    expect(new Date(Date.UTC(2026, 0, 12)).getDate()).toBe(11);
    expect(holidayJp.isHoliday(new Date('2026-01-12'))).toBe(false);
    expect(cal.isHoliday(d('2026-01-12'))).toBe(true);
  });
});

describe('bank closing days and weekends', () => {
  it.each(['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'])('%s is closed', (date) => {
    expect(cal.isBankClosingDay(d(date))).toBe(true);
    expect(cal.isBusinessDay(d(date))).toBe(false);
  });

  it('closes Jan 2 and Dec 31 even on weekdays that are not national holidays', () => {
    expect(cal.isHoliday(d('2026-01-02'))).toBe(false); // Friday
    expect(cal.isBusinessDay(d('2026-01-02'))).toBe(false);
    expect(cal.isHoliday(d('2025-12-31'))).toBe(false); // Wednesday
    expect(cal.isBusinessDay(d('2025-12-31'))).toBe(false);
    expect(cal.nextBusinessDay(d('2025-12-31'))).toEqual(d('2026-01-05'));
  });

  it('2026-12-30 is the last business day of 2026 and 2027-01-04 (Monday) the first of 2027', () => {
    expect(d('2027-01-04').dayOfWeek).toBe(1);
    expect(cal.isBusinessDay(d('2026-12-30'))).toBe(true);
    expect(cal.businessDayAfter(d('2026-12-30'))).toEqual(d('2027-01-04'));
    expect(cal.nextBusinessDay(d('2026-12-31'))).toEqual(d('2027-01-04'));
    expect(cal.businessDayBefore(d('2027-01-04'))).toEqual(d('2026-12-30'));
  });

  it('rolls Saturdays and Sundays forward to Monday', () => {
    expect(cal.nextBusinessDay(d('2026-04-11'))).toEqual(d('2026-04-13')); // Saturday
    expect(cal.nextBusinessDay(d('2026-04-12'))).toEqual(d('2026-04-13')); // Sunday
    expect(cal.nextBusinessDay(d('2026-04-13'))).toEqual(d('2026-04-13')); // a business day stays
    expect(cal.previousBusinessDay(d('2026-04-12'))).toEqual(d('2026-04-10'));
  });

  it('rolls a Golden Week Saturday forward past the whole long weekend', () => {
    expect(cal.nextBusinessDay(d('2026-05-02'))).toEqual(d('2026-05-07'));
    expect(cal.businessDayAfter(d('2026-05-01'))).toEqual(d('2026-05-07'));
    expect(cal.businessDayAfter(d('2026-04-28'))).toEqual(d('2026-04-30'));
    expect(cal.businessDayAfter(d('2026-09-18'))).toEqual(d('2026-09-24'));
  });

  it('businessDayAfter is strictly after even on a business day', () => {
    expect(cal.businessDayAfter(d('2026-04-13'))).toEqual(d('2026-04-14'));
    expect(cal.businessDayAfter(d('2026-04-10'))).toEqual(d('2026-04-13'));
  });
});

describe('operator closure days', () => {
  // お盆: closed Wed–Fri after 山の日 (Tue 2026-08-11).
  const obon = new BusinessCalendar({ closureDays: ['2026-08-12', d('2026-08-13'), '2026-08-14'] });

  it('skips closure days on top of holidays', () => {
    expect(obon.isClosureDay(d('2026-08-13'))).toBe(true);
    expect(obon.isHoliday(d('2026-08-13'))).toBe(false);
    expect(obon.isBusinessDay(d('2026-08-13'))).toBe(false);
    expect(obon.nextBusinessDay(d('2026-08-11'))).toEqual(d('2026-08-17'));
    expect(obon.addBusinessDays(d('2026-08-10'), 1)).toEqual(d('2026-08-17'));
    expect(obon.addBusinessDays(d('2026-08-17'), -1)).toEqual(d('2026-08-10'));
  });

  it('does not leak into other calendars', () => {
    expect(cal.nextBusinessDay(d('2026-08-11'))).toEqual(d('2026-08-12'));
    expect(bankCalendar.isBusinessDay(d('2026-08-12'))).toBe(true);
  });

  it('rejects closure days that are not dates', () => {
    expect(() => new BusinessCalendar({ closureDays: ['2026-13-01'] })).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it('counts across Golden Week', () => {
    expect(cal.addBusinessDays(d('2026-04-28'), 1)).toEqual(d('2026-04-30'));
    expect(cal.addBusinessDays(d('2026-04-30'), 1)).toEqual(d('2026-05-01'));
    expect(cal.addBusinessDays(d('2026-04-30'), 2)).toEqual(d('2026-05-07'));
    expect(cal.addBusinessDays(d('2026-04-28'), 5)).toEqual(d('2026-05-11'));
  });

  it('counts across the year end', () => {
    expect(cal.addBusinessDays(d('2026-12-28'), 2)).toEqual(d('2026-12-30'));
    expect(cal.addBusinessDays(d('2026-12-28'), 3)).toEqual(d('2027-01-04'));
    expect(cal.addBusinessDays(d('2026-12-30'), 5)).toEqual(d('2027-01-08'));
  });

  it('goes backwards for negative n', () => {
    expect(cal.addBusinessDays(d('2027-01-04'), -1)).toEqual(d('2026-12-30'));
    expect(cal.addBusinessDays(d('2026-05-07'), -1)).toEqual(d('2026-05-01'));
    expect(cal.addBusinessDays(d('2026-05-07'), -2)).toEqual(d('2026-04-30'));
    expect(cal.addBusinessDays(d('2026-09-24'), -1)).toEqual(d('2026-09-18'));
    expect(cal.addBusinessDays(d('2026-05-04'), -1)).toEqual(d('2026-05-01')); // from a holiday
  });

  it('counts from a non-business day: Saturday + 1 is Monday', () => {
    expect(cal.addBusinessDays(d('2026-04-11'), 1)).toEqual(d('2026-04-13'));
    expect(cal.addBusinessDays(d('2026-05-02'), 1)).toEqual(d('2026-05-07'));
  });

  it('n = 0 rolls forward', () => {
    expect(cal.addBusinessDays(d('2026-04-13'), 0)).toEqual(d('2026-04-13'));
    expect(cal.addBusinessDays(d('2026-04-11'), 0)).toEqual(d('2026-04-13'));
    expect(cal.addBusinessDays(d('2026-12-31'), 0)).toEqual(d('2027-01-04'));
  });

  it('refuses fractional n', () => {
    expect(() => cal.addBusinessDays(d('2026-04-13'), 1.5)).toThrow(RangeError);
  });
});

describe('rollForwardToBusinessDay', () => {
  it('uses the bank calendar unless given a store calendar', () => {
    expect(rollForwardToBusinessDay(d('2026-05-03'))).toEqual(d('2026-05-07'));
    expect(rollForwardToBusinessDay(d('2026-05-07'))).toEqual(d('2026-05-07'));
    const closed = new BusinessCalendar({ closureDays: ['2026-05-07'] });
    expect(rollForwardToBusinessDay(d('2026-05-03'), closed)).toEqual(d('2026-05-08'));
  });
});
