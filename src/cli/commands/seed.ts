// `keiyaku seed --demo`: puts the demo store's data in place.
import type { Command } from 'commander';
import { systemClock } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import { seedDemoCatalog } from '../../flows/seed-demo-catalog.js';
import { seedDemoLicences } from '../../flows/seed-demo-licences.js';
import { seedDemoStore } from '../../flows/seed-demo-store.js';
import { withStore } from '../with-store.js';

/** Registers `seed --demo`. */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load sample data')
    .option('--demo', 'the demo store: identity, closure days and the demo catalog')
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) {
        throw new AppError({
          code: 'seed_needs_kind',
          status: 400,
          message: {
            ja: '投入するデータを指定してください（例: keiyaku seed --demo）。',
            en: 'Say what to seed, e.g. `keiyaku seed --demo`.',
          },
        });
      }
      await withStore('keiyaku seed', async ({ db, actor }) => {
        await seedDemoStore(db, { actor, now: systemClock.now() });
        await seedDemoCatalog(db, { actor, now: systemClock.now() });
        await seedDemoLicences(db, { actor, now: systemClock.now() });
      });
      console.log('Demo store data is in place.');
    });
}
