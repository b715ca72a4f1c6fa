// The `keiyaku` command: start, migrate, seed, settings, mailbox, send-test-mail, create-operator, bill.
import { Command } from 'commander';
import { registerBill } from './commands/bill.js';
import { registerCreateOperator } from './commands/create-operator.js';
import { registerMailbox } from './commands/mailbox.js';
import { registerMigrate } from './commands/migrate.js';
import { registerSeed } from './commands/seed.js';
import { registerSendTestMail } from './commands/send-test-mail.js';
import { registerSettings } from './commands/settings.js';
import { registerStart } from './commands/start.js';
import { reportCliError } from './output.js';

const program = new Command('keiyaku')
  .description('keiyaku — subscription commerce for Japanese stores')
  .version('0.1.0')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(`keiyaku: ${text}`) });

registerStart(program);
registerMigrate(program);
registerSeed(program);
registerSettings(program);
registerMailbox(program);
registerSendTestMail(program);
registerCreateOperator(program);
registerBill(program);

program.parseAsync(process.argv).catch(reportCliError);
