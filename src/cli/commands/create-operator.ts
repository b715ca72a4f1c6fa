// `keiyaku create-operator`: creates an operator account from the command line, with a temporary password shown once.
import { type Command, Option } from 'commander';
import { systemClock } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import {
  createOperator,
  generateOperatorPassword,
  type OperatorRole,
  operatorRoleNames,
} from '../../modules/operators/index.js';
import { withStore } from '../with-store.js';

interface CreateOperatorOptions {
  loginId: string;
  name: string;
  email: string;
  role: OperatorRole[];
  locale: 'ja' | 'en';
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the terminal's or echo's, not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function emptyPassword(): AppError {
  return new AppError({
    code: 'password_missing',
    status: 400,
    message: {
      ja: '--password-stdin が指定されましたが、標準入力にパスワードがありません。',
      en: '--password-stdin was given but standard input held no password.',
    },
  });
}

/** Registers `create-operator --login-id --name --email --role … [--password-stdin]`. */
export function registerCreateOperator(program: Command): void {
  program
    .command('create-operator')
    .description('create an operator account for the admin console')
    .requiredOption('--login-id <id>', 'the login ID (letters, digits, ".", "_", "-")')
    .requiredOption('--name <name>', 'the name shown in the console and the audit log')
    .requiredOption('--email <address>', 'where sign-in codes are mailed')
    .addOption(
      new Option('--role <role...>', 'a role; repeat --role for several')
        .choices(operatorRoleNames)
        .makeOptionMandatory(),
    )
    .addOption(new Option('--locale <locale>', 'language of its mail').choices(['ja', 'en']).default('ja'))
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (options: CreateOperatorOptions) => {
      const given = options.passwordStdin ? await readStdin() : null;
      if (given === '') throw emptyPassword();
      const password = given ?? generateOperatorPassword();
      const created = await withStore('keiyaku create-operator', ({ db, actor }) =>
        createOperator(db, {
          loginId: options.loginId,
          displayName: options.name,
          email: options.email,
          roles: options.role,
          locale: options.locale,
          password,
          actor,
          now: systemClock.now(),
        }),
      );
      console.log(
        `Created operator ${created.loginId} (${created.operatorId}), roles: ${created.roles.join(', ')}.`,
      );
      if (given === null) {
        // Printed once, to the terminal of the person creating the account; it is stored only as a hash.
        console.log(`Temporary password (shown only now): ${password}`);
      }
      console.log(
        'Sign-in asks for a second factor: a code mailed to the operator, or an authenticator app.',
      );
    });
}
