// The process logger: JSON lines via pino; secrets and one-time codes are never passed to it, and errors lose the values they carry.
import { pino } from 'pino';
import type { LogLevel } from './config.js';
import { safeErrorForLog } from './log-safe-error.js';

export type Logger = pino.Logger;

/** A logger writing JSON to stdout (or `destination`) at the given level. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'keiyaku' },
    // A database error carries the query's parameters and the failing row: a person's name, email, address.
    serializers: { err: safeErrorForLog, error: safeErrorForLog, cause: safeErrorForLog },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.secret', '*.otp'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
