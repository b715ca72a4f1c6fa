// The fake clock travels; ids are prefixed, sortable and recognisable.
import { describe, expect, it } from 'vitest';
import { businessDateAt, FakeClock, toDate } from '../../src/domain/clock.js';
import { isId, newId, uuidOf } from '../../src/domain/ids.js';

describe('FakeClock', () => {
  it('stands still, travels to an instant and advances by a duration', () => {
    const clock = new FakeClock('2026-04-13T09:00:00+09:00');
    expect(clock.now().toString()).toBe('2026-04-13T00:00:00Z');
    expect(clock.now().toString()).toBe('2026-04-13T00:00:00Z');
    clock.advance({ hours: 15, minutes: 30 });
    expect(clock.now().toString()).toBe('2026-04-13T15:30:00Z');
    clock.travelTo('2026-12-31T23:59:59+09:00');
    expect(toDate(clock.now()).toISOString()).toBe('2026-12-31T14:59:59.000Z');
  });

  it('gives the business date in Tokyo, not UTC', () => {
    // 00:30 in Tokyo on 1 April is still 31 March in UTC.
    const clock = new FakeClock('2026-04-01T00:30:00+09:00');
    expect(businessDateAt(clock.now()).toString()).toBe('2026-04-01');
    expect(toDate(clock.now()).toISOString().slice(0, 10)).toBe('2026-03-31');
  });
});

describe('ids', () => {
  it('are prefixed UUIDv7s that sort in creation order', async () => {
    const first = newId('order');
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = newId('order');
    expect(first).toMatch(/^ord_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([second, first].sort()).toEqual([first, second]);
    expect(isId('order', first)).toBe(true);
    expect(isId('member', first)).toBe(false);
    expect(isId('order', 'ord_not-a-uuid')).toBe(false);
    expect(uuidOf(first)).toBe(first.slice(4));
    expect(() => uuidOf('nonsense')).toThrow('not a keiyaku id');
  });
});
