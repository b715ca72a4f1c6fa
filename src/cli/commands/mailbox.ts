// `keiyaku mailbox`: reads the dev mailbox, where mail goes when no SMTP server is configured.
import { type Command, InvalidArgumentError } from 'commander';
import { listDevMailbox } from '../../modules/notifications/index.js';
import { withStore } from '../with-store.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
}

/** Registers `mailbox [--limit n] [--full]`. */
export function registerMailbox(program: Command): void {
  program
    .command('mailbox')
    .description('show mail kept in the dev mailbox (newest first)')
    .option('--limit <n>', 'how many mails', positiveInt, 20)
    .option('--full', 'print each mail body too')
    .action(async (options: { limit: number; full?: boolean }) => {
      const mails = await withStore('keiyaku mailbox', ({ db }) => listDevMailbox(db, options.limit));
      if (mails.length === 0) console.log('The dev mailbox is empty.');
      for (const mail of mails) {
        console.log(`${mail.deliveredAt.toISOString()}  ${mail.to}  ${mail.subject}  ${mail.messageId}`);
        if (options.full) console.log(`\n${mail.text}\n${'-'.repeat(60)}`);
      }
    });
}
