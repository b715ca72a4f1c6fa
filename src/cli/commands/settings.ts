// `keiyaku settings`: read and change the store's identity and closure days from the command line.
import type { Command } from 'commander';
import { systemClock } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import {
  addClosureDay,
  getStoreSettings,
  listClosureDays,
  registrationNumberCheckDigitOk,
  removeClosureDay,
  storeSettingsKeys,
  updateStoreSettings,
} from '../../modules/store/index.js';
import { withStore } from '../with-store.js';

function unknownKey(key: string): AppError {
  return new AppError({
    code: 'unknown_setting',
    status: 400,
    message: {
      ja: `設定項目 "${key}" はありません。使える項目: ${storeSettingsKeys.join(', ')}`,
      en: `There is no setting "${key}". Settings: ${storeSettingsKeys.join(', ')}`,
    },
  });
}

function isKey(key: string): key is (typeof storeSettingsKeys)[number] {
  return (storeSettingsKeys as string[]).includes(key);
}

/** Registers `settings get|set` and `settings closure-days list|add|remove`. */
export function registerSettings(program: Command): void {
  const settings = program.command('settings').description("the store's identity and closure days");

  settings
    .command('get [key]')
    .description(`print all settings, or one of: ${storeSettingsKeys.join(', ')}`)
    .action(async (key: string | undefined) => {
      if (key !== undefined && !isKey(key)) throw unknownKey(key);
      const row = await withStore('keiyaku settings get', ({ db }) => getStoreSettings(db));
      if (key) console.log(row[key] ?? '');
      else
        console.log(JSON.stringify(Object.fromEntries(storeSettingsKeys.map((k) => [k, row[k]])), null, 2));
    });

  settings
    .command('set <key> <value>')
    .description('change one setting (use "" to clear registrationNumber)')
    .action(async (key: string, value: string) => {
      if (!isKey(key)) throw unknownKey(key);
      const patch = { [key]: key === 'registrationNumber' && value === '' ? null : value };
      const row = await withStore('keiyaku settings set', ({ db, actor }) =>
        updateStoreSettings(db, { patch, actor, now: systemClock.now() }),
      );
      console.log(`${key} = ${row[key] ?? ''}`);
      if (
        key === 'registrationNumber' &&
        row.registrationNumber &&
        !registrationNumberCheckDigitOk(row.registrationNumber)
      ) {
        console.warn(
          'warning: the check digit does not match a corporate number. Sole proprietors have other numbers; please double-check it.',
        );
      }
    });

  const closure = settings.command('closure-days').description("the store's own closure days");
  closure
    .command('list')
    .description('list closure days')
    .action(async () => {
      const days = await withStore('keiyaku settings closure-days list', ({ db }) => listClosureDays(db));
      if (days.length === 0) console.log('No closure days.');
      for (const day of days) console.log(`${day.day}\t${day.reason}`);
    });
  closure
    .command('add <date>')
    .description('close the store on a date (YYYY-MM-DD)')
    .option('--reason <text>', 'shown to operators', '')
    .action(async (date: string, options: { reason: string }) => {
      const added = await withStore('keiyaku settings closure-days add', ({ db, actor }) =>
        addClosureDay(db, { day: date, reason: options.reason, actor, now: systemClock.now() }),
      );
      console.log(`Closed on ${added.day}${added.reason ? ` (${added.reason})` : ''}.`);
    });
  closure
    .command('remove <date>')
    .description('open the store again on a date')
    .action(async (date: string) => {
      await withStore('keiyaku settings closure-days remove', ({ db, actor }) =>
        removeClosureDay(db, { day: date, actor, now: systemClock.now() }),
      );
      console.log(`Open on ${date}.`);
    });
}
