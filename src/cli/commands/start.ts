// `keiyaku start`: runs a node until SIGINT/SIGTERM, then stops it cleanly.
import { type Command, Option } from 'commander';
import { loadConfig } from '../../config.js';
import { DEV_MAIL_PATH, devMailboxInUse } from '../../http/routes/system/dev-mail.js';
import { formatStoreTime } from '../../modules/store/index.js';
import { durabilityNotice, type Role, startNode } from '../../runtime.js';
import { reportCliError } from '../output.js';

/** Registers `start [--role web|worker|all]`. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the store: HTTP server and job worker (default), or one of them with --role')
    .addOption(
      new Option('--role <role>', 'what this node does').choices(['all', 'web', 'worker']).default('all'),
    )
    .action(async (options: { role: Role }) => {
      const config = loadConfig();
      const started = Date.now();
      const node = await startNode({ config, role: options.role });
      const lines = [
        `keiyaku is running (role ${options.role}) — ready in ${Date.now() - started} ms`,
        node.url
          ? `Store:  ${config.publicUrl}  (listening on ${node.url})`
          : 'HTTP: not served by this node',
        node.url ? `Admin:  ${config.publicUrl}/admin    API docs: ${config.publicUrl}/api/docs` : '',
        // Only the path: the password stays in the 0600 file and out of any log that captures this output.
        node.demoOperatorFile
          ? `Demo owner sign-in: see ${node.demoOperatorFile} (readable only by you)`
          : '',
        `Mail:   ${
          devMailboxInUse(config)
            ? `dev mailbox (no SMTP_URL): open ${config.publicUrl}${DEV_MAIL_PATH} on this computer, or run \`keiyaku mailbox\``
            : config.smtpUrl
              ? 'SMTP'
              : 'no SMTP_URL: mail is kept in the dev mailbox (console → メールボックス)'
        }`,
        `SMS:    ${config.twilio ? 'Twilio' : `dev SMS outbox (no TWILIO_*): ${devMailboxInUse(config) ? `shown at ${config.publicUrl}${DEV_MAIL_PATH} too, or run` : 'read it with'} \`keiyaku mailbox --sms\``}`,
        durabilityNotice(config),
        config.testClock
          ? [
              '!!! TEST CLOCK ON (KEIYAKU_TEST_CLOCK=1): a rehearsal store, not for real customers. !!!',
              `!!! Store time: ${formatStoreTime(node.context.clock.now())}; owners move it forward in Admin → Settings`,
              '!!! or with POST /api/admin/test-clock, and every job due by then runs at once.',
            ].join('\n')
          : '',
        'Press Ctrl-C to stop.',
      ].filter(Boolean);
      console.log(lines.join('\n'));
      let signalled = false;
      const shutdown = (signal: string) => {
        if (signalled) return;
        signalled = true;
        console.log(`\n${signal} received: finishing requests and jobs in flight…`);
        node
          .stop()
          .then(() => {
            console.log('keiyaku stopped.');
            process.exit(0);
          })
          .catch((error: unknown) => {
            reportCliError(error);
            process.exit(1);
          });
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
