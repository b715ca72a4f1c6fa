// The store's identity and closure days: validated, audited, and used by the business calendar.

import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { FakeClock } from '../../src/domain/clock.js';
import { AppError } from '../../src/domain/errors.js';
import { seedDemoStore } from '../../src/flows/seed-demo-store.js';
import {
  addClosureDay,
  getStoreSettings,
  listClosureDays,
  loadBusinessCalendar,
  registrationNumberCheckDigitOk,
  removeClosureDay,
  updateStoreSettings,
} from '../../src/modules/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
const clock = new FakeClock('2026-07-01T10:00:00+09:00');
const actor = { kind: 'cli' as const, id: 'tester' };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('store settings', () => {
  it('changes the given fields, records before and after in the audit log', async () => {
    const db = database.handle.db;
    const updated = await updateStoreSettings(db, {
      patch: { name: '  クラウドストア  ', registrationNumber: 'T7000012050002' },
      actor,
      now: clock.now(),
    });
    expect(updated.name).toBe('クラウドストア');
    expect(updated.registrationNumber).toBe('T7000012050002');
    expect(updated.updatedAt.toISOString()).toBe('2026-07-01T01:00:00.000Z');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'store.settings.update'));
    expect(entry).toMatchObject({
      actorKind: 'cli',
      actorId: 'tester',
      targetType: 'store_settings',
      targetId: '1',
      before: { name: 'keiyaku デモストア', registrationNumber: 'T6012345678901' },
      after: { name: 'クラウドストア', registrationNumber: 'T7000012050002' },
    });
  });

  it('rejects a bad patch whole, naming each field, and changes nothing', async () => {
    const db = database.handle.db;
    const before = await getStoreSettings(db);
    const error = await updateStoreSettings(db, {
      patch: { name: 'ok', registrationNumber: 'T123', email: 'not-an-email', color: 'red' },
      actor,
      now: clock.now(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).fields.map((f) => f.path).sort()).toEqual(['', 'email', 'registrationNumber']);
    expect(await getStoreSettings(db)).toEqual(before);
  });

  it('holds the member-security settings: defaults of seed 003, text from the CLI coerced, bad values refused', async () => {
    const db = database.handle.db;
    expect(await getStoreSettings(db)).toMatchObject({
      lockoutThreshold: 5,
      lockoutMode: 'auto',
      lockoutMinutes: 10,
      passwordPolicy: 'seed',
    });
    const updated = await updateStoreSettings(db, {
      patch: {
        lockoutThreshold: '3',
        lockoutMode: 'operator',
        lockoutMinutes: '30',
        passwordPolicy: 'modern',
      },
      actor,
      now: clock.now(),
    });
    expect(updated).toMatchObject({
      lockoutThreshold: 3,
      lockoutMode: 'operator',
      lockoutMinutes: 30,
      passwordPolicy: 'modern',
    });
    const error = await updateStoreSettings(db, {
      patch: { lockoutThreshold: '0', lockoutMode: 'never', lockoutMinutes: 'ten', passwordPolicy: 'weak' },
      actor,
      now: clock.now(),
    }).catch((e: unknown) => e);
    expect((error as AppError).fields.map((f) => f.path).sort()).toEqual([
      'lockoutMinutes',
      'lockoutMode',
      'lockoutThreshold',
      'passwordPolicy',
    ]);
    await updateStoreSettings(db, {
      patch: { lockoutThreshold: 5, lockoutMode: 'auto', lockoutMinutes: 10, passwordPolicy: 'seed' },
      actor,
      now: clock.now(),
    });
  });

  it('checks the corporate-number check digit as a warning only', () => {
    // 7000012050002 is the National Tax Agency's own corporate number; 1234567890123 is made up.
    expect(registrationNumberCheckDigitOk('T7000012050002')).toBe(true);
    expect(registrationNumberCheckDigitOk('T1234567890123')).toBe(false);
    expect(registrationNumberCheckDigitOk('T6012345678901')).toBe(true);
    expect(registrationNumberCheckDigitOk('T123')).toBe(false);
  });
});

describe('closure days', () => {
  it('are added, listed, removed and audited', async () => {
    const db = database.handle.db;
    await addClosureDay(db, { day: '2026-08-14', reason: '夏季休業', actor, now: clock.now() });
    await addClosureDay(db, { day: '2026-08-13', reason: '夏季休業', actor, now: clock.now() });
    await addClosureDay(db, { day: '2026-08-13', reason: '夏季休業（全社）', actor, now: clock.now() });
    expect(await listClosureDays(db)).toEqual([
      { day: '2026-08-13', reason: '夏季休業（全社）' },
      { day: '2026-08-14', reason: '夏季休業' },
    ]);
    await removeClosureDay(db, { day: '2026-08-14', actor, now: clock.now() });
    expect(await listClosureDays(db)).toEqual([{ day: '2026-08-13', reason: '夏季休業（全社）' }]);
    const actions = (await db.select().from(auditLog)).map((row) => row.action);
    expect(actions.filter((a) => a === 'store.closure_day.add')).toHaveLength(3);
    expect(actions.filter((a) => a === 'store.closure_day.remove')).toHaveLength(1);
  });

  it('refuse impossible dates and removing a day that is open', async () => {
    const db = database.handle.db;
    await expect(addClosureDay(db, { day: '2026-02-30', actor, now: clock.now() })).rejects.toMatchObject({
      code: 'invalid_date',
    });
    await expect(addClosureDay(db, { day: '2026/08/20', actor, now: clock.now() })).rejects.toMatchObject({
      code: 'invalid_date',
    });
    await expect(removeClosureDay(db, { day: '2026-08-20', actor, now: clock.now() })).rejects.toMatchObject({
      code: 'closure_day_not_found',
      status: 404,
    });
  });

  it('move the next business day in the store calendar', async () => {
    const calendar = await loadBusinessCalendar(database.handle.db);
    // Wed 12 Aug → Thu 13 Aug is the store's closure day, so the day after 12 Aug is Fri 14 Aug.
    expect(calendar.businessDayAfter(Temporal.PlainDate.from('2026-08-12')).toString()).toBe('2026-08-14');
    expect(calendar.isBusinessDay(Temporal.PlainDate.from('2026-08-13'))).toBe(false);
  });
});

describe('seed --demo', () => {
  it('puts the demo identity and closure days back, and running it twice changes nothing more', async () => {
    const db = database.handle.db;
    await seedDemoStore(db, { actor, now: clock.now() });
    await seedDemoStore(db, { actor, now: clock.now() });
    const settings = await getStoreSettings(db);
    expect(settings.name).toBe('keiyaku デモストア');
    expect(settings.registrationNumber).toBe('T6012345678901');
    expect(await listClosureDays(db)).toEqual([
      { day: '2026-08-13', reason: '夏季休業' },
      { day: '2026-08-14', reason: '夏季休業' },
    ]);
  });
});
