// `keiyaku mailbox`: reads the dev mailbox (no SMTP server configured) or, with --sms, the dev SMS outbox (no Twilio).
import { type Command, InvalidArgumentError } from 'commander';
import { listDevMailbox, listDevSms } from '../../modules/notifications/index.js';
import { withStore } from '../with-store.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
}

/** Registers `mailbox [--limit n] [--full] [--sms]`. */
export function registerMailbox(program: Command): void {
  program
    .command('mailbox')
    .description('show mail kept in the dev mailbox (newest first)')
    .option('--limit <n>', 'how many mails', positiveInt, 20)
    .option('--full', 'print each mail body too')
    .option('--sms', 'show the dev SMS outbox instead (SMS kept when no TWILIO_* is configured)')
    .action(async (options: { limit: number; full?: boolean; sms?: boolean }) => {
      if (options.sms) {
        const messages = await withStore('keiyaku mailbox', ({ db }) => listDevSms(db, options.limit));
        if (messages.length === 0) console.log('The dev SMS outbox is empty.');
        for (const sms of messages) console.log(`${sms.deliveredAt.toISOString()}  ${sms.to}  ${sms.body}`);
        return;
      }
      const mails = await withStore('keiyaku mailbox', ({ db }) => listDevMailbox(db, options.limit));
      if (mails.length === 0) console.log('The dev mailbox is empty.');
      for (const mail of mails) {
        console.log(`${mail.deliveredAt.toISOString()}  ${mail.to}  ${mail.subject}  ${mail.messageId}`);
        if (options.full) console.log(`\n${mail.text}\n${'-'.repeat(60)}`);
      }
    });
}
