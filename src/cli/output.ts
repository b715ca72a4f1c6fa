// How CLI commands speak: results to stdout, one clear line per problem to stderr, exit code 1 on failure.
import { ConfigError } from '../config.js';
import { AppError } from '../domain/errors.js';

/** Prints an error the way a person at a terminal can act on it, and sets the exit code. */
export function reportCliError(error: unknown): void {
  process.exitCode = 1;
  if (error instanceof ConfigError) {
    for (const line of error.message.split('\n')) console.error(`keiyaku: configuration: ${line}`);
    return;
  }
  if (error instanceof AppError) {
    console.error(`keiyaku: ${error.messages.en}`);
    console.error(`keiyaku: ${error.messages.ja}`);
    for (const field of error.fields) console.error(`  ${field.path || '(value)'}: ${field.message.en}`);
    return;
  }
  console.error('keiyaku: unexpected error');
  console.error(error);
}
