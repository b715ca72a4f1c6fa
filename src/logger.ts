// The process logger: JSON lines via pino; secrets and one-time codes are never passed to it.
import { pino } from 'pino';
import type { LogLevel } from './config.js';

export type Logger = pino.Logger;

/** A logger writing JSON to stdout at the given level. */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'keiyaku' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.secret', '*.otp'],
      censor: '[redacted]',
    },
  });
}
