// `keiyaku mailbox`: reads the dev mailbox (no SMTP server configured) or, with --sms, the dev SMS outbox (no Twilio), through the running server if one holds the data folder.
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../../config.js';
import { dataDirHolder } from '../../db/data-dir-lock.js';
import { AppError } from '../../domain/errors.js';
import {
  DEV_MAIL_PATH,
  type DevMessage,
  devMessageOfMail,
  devMessageOfSms,
} from '../../http/routes/system/dev-mail.js';
import { listDevMailbox, listDevSms } from '../../modules/notifications/index.js';
import { withStore } from '../with-store.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500)
    throw new InvalidArgumentError('must be a whole number from 1 to 500');
  return n;
}

interface Kept {
  mails: DevMessage[];
  sms: DevMessage[];
}

/** Asks the server holding the folder: PGlite has one process, so only it can read the database now. */
async function readThroughServer(url: string, limit: number): Promise<Kept> {
  let response: Response;
  try {
    response = await fetch(`${url}${DEV_MAIL_PATH}.json?limit=${limit}`, {
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new AppError({
      code: 'server_unreachable',
      status: 503,
      message: {
        ja: `データフォルダを使用中の keiyaku（${url}）に接続できませんでした。`,
        en: `Could not reach the keiyaku that holds the data folder (${url}).`,
      },
    });
  }
  if (response.status !== 200) {
    throw new AppError({
      code: 'dev_mailbox_unavailable',
      status: 404,
      message: {
        ja: `${url} の keiyaku は開発用メールボックスを公開していません（SMTP_URL 設定済み、または本番環境）。`,
        en: `The keiyaku at ${url} does not show a dev mailbox (SMTP_URL is set, or NODE_ENV=production).`,
      },
    });
  }
  return (await response.json()) as Kept;
}

async function readKept(limit: number): Promise<Kept> {
  const config = loadConfig();
  const holder = config.database.kind === 'pglite' ? dataDirHolder(config.dataDir) : undefined;
  if (holder?.url) return readThroughServer(holder.url, limit);
  return withStore('keiyaku mailbox', async ({ db }) => {
    const [mails, sms] = await Promise.all([listDevMailbox(db, limit), listDevSms(db, limit)]);
    return { mails: mails.map(devMessageOfMail), sms: sms.map(devMessageOfSms) };
  });
}

/** Registers `mailbox [--limit n] [--full] [--sms]`. */
export function registerMailbox(program: Command): void {
  program
    .command('mailbox')
    .description('show mail kept in the dev mailbox (newest first), also while the store runs')
    .option('--limit <n>', 'how many mails', positiveInt, 20)
    .option('--full', 'print each mail body too')
    .option('--sms', 'show the dev SMS outbox instead (SMS kept when no TWILIO_* is configured)')
    .action(async (options: { limit: number; full?: boolean; sms?: boolean }) => {
      const kept = await readKept(options.limit);
      if (options.sms) {
        if (kept.sms.length === 0) console.log('The dev SMS outbox is empty.');
        for (const sms of kept.sms) console.log(`${sms.deliveredAt}  ${sms.to}  ${sms.text}`);
        return;
      }
      if (kept.mails.length === 0) console.log('The dev mailbox is empty.');
      for (const mail of kept.mails) {
        console.log(`${mail.deliveredAt}  ${mail.to}  ${mail.subject}  ${mail.messageId}`);
        if (options.full) console.log(`\n${mail.text}\n${'-'.repeat(60)}`);
      }
    });
}
