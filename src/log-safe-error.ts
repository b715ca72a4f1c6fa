// Errors as log fields without the values they carry: SQL parameters, failing rows and quoted input stay out of the log.

// Only these properties of an error reach the log. Database drivers attach `params`/`parameters` (the
// query's values), `detail` ("Failing row contains (…)", "Key (email)=(…)") and `where`; none is listed.
const safeProperties = [
  'code',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'status',
  'statusCode',
  'errno',
  'syscall',
  'responseCode',
  'command',
] as const;

const MAX_DEPTH = 5;

/** A data exception (SQLSTATE class 22) quotes the value it could not take, e.g. `invalid input syntax for type uuid: "…"`. */
function quotesInput(code: unknown): boolean {
  return typeof code === 'string' && code.startsWith('22');
}

function safeMessage(error: Error & { code?: unknown }): string {
  // Drizzle's "Failed query: <sql>\nparams: <values>" keeps the SQL, which names no person, and loses the values.
  let message = error.message.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');
  if (quotesInput(error.code)) message = message.replace(/"[^"]*"/g, '"[redacted]"');
  return message;
}

function safeStack(error: Error, type: string, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  // The stack's first lines repeat the message, parameters included; keep only the frames.
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames].join('\n');
}

/** The error as a plain object for pino: type, redacted message and stack, safe driver fields, and its causes. */
export function safeErrorForLog(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) {
    // A thrown non-error (a string, an object) may be anything; say only what kind it was.
    return value === undefined || value === null ? value : { type: typeof value };
  }
  const type = value.constructor?.name || value.name || 'Error';
  const message = safeMessage(value);
  const record = value as unknown as Record<string, unknown>;
  const result: Record<string, unknown> = { type, message };
  const stack = safeStack(value, type, message);
  if (stack !== undefined) result.stack = stack;
  for (const key of safeProperties) {
    const field = record[key];
    if (typeof field === 'string' || typeof field === 'number') result[key] = field;
  }
  if (depth < MAX_DEPTH) {
    if (value.cause !== undefined) result.cause = safeErrorForLog(value.cause, depth + 1);
    if (value instanceof AggregateError)
      result.errors = value.errors.map((inner: unknown) => safeErrorForLog(inner, depth + 1));
  }
  return result;
}
