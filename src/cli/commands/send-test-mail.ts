// `keiyaku send-test-mail`: queues a test mail so an operator can check the mail settings end to end.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { systemClock } from '../../domain/clock.js';
import { recordAudit } from '../../modules/audit/index.js';
import { enqueueMail } from '../../modules/notifications/index.js';
import { withStore } from '../with-store.js';

function emailAddress(value: string): string {
  if (!z.email().safeParse(value).success) throw new InvalidArgumentError('must be an email address');
  return value;
}

/** Registers `send-test-mail --to <address> [--locale ja|en]`. */
export function registerSendTestMail(program: Command): void {
  program
    .command('send-test-mail')
    .description('queue a test mail; the running worker delivers it')
    .requiredOption('--to <address>', 'recipient', emailAddress)
    .addOption(new Option('--locale <locale>', 'language').choices(['ja', 'en']).default('ja'))
    .action(async (options: { to: string; locale: 'ja' | 'en' }) => {
      const embedded = loadConfig().database.kind === 'pglite';
      const id = await withStore('keiyaku send-test-mail', ({ db, actor }) =>
        db.transaction(async (tx) => {
          const now = systemClock.now();
          const outboxId = await enqueueMail(tx, {
            template: 'smtp-test',
            locale: options.locale,
            to: options.to,
            payload: { requestedBy: `keiyaku CLI (${actor.id ?? 'unknown user'})` },
            now,
          });
          await recordAudit(tx, {
            actor,
            action: 'notifications.test_mail.queue',
            targetType: 'outbox',
            targetId: outboxId,
            after: { to: options.to, locale: options.locale },
            at: now,
          });
          return outboxId;
        }),
      );
      console.log(
        embedded
          ? `Queued ${id}. It is delivered when the store next starts (the embedded database has one process).`
          : `Queued ${id}. A running worker node delivers it.`,
      );
    });
}
