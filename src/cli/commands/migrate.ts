// `keiyaku migrate`: brings the database schema up to date and exits.
import type { Command } from 'commander';
import { withStore } from '../with-store.js';

/** Registers `migrate`. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply the database migrations (start does this too)')
    .action(async () => {
      await withStore('keiyaku migrate', async () => {});
      console.log('Database is up to date.');
    });
}
