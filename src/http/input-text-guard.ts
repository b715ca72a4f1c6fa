// Refuses hostile characters in every string a route accepts (body, query, path, declared headers) before any validator or handler sees them.
import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors.js';
import { kernelErrors } from '../domain/errors.js';
import { findForbiddenCharacter } from '../domain/forbidden-characters.js';
import { problemResponse } from './problem.js';

type Schema = z.core.$ZodType;
type PathPart = string | number;

const multilineSchemas = new WeakSet<object>();
const runsAfterGuard = new WeakSet<object>();

// Deeper than any form we take; a body nested further is refused rather than walked.
const MAX_DEPTH = 32;

/** Marks text written in several lines (a message, a note): tab, line feed and carriage return are allowed in it. */
export function multilineText<T extends z.ZodType>(schema: T): T {
  const marked = (schema as unknown as { openapi(meta: object): T }).openapi({ 'x-multiline': true });
  multilineSchemas.add(marked);
  return marked;
}

/** Marks a route middleware that writes (an idempotency claim): the guard runs before it. */
export function afterInputGuard<T extends MiddlewareHandler>(middleware: T): T {
  runsAfterGuard.add(middleware);
  return middleware;
}

/** Whether the schema marks the string at `path` as multi-line, looking through wrappers, pipes and unions. */
function isMultiline(schema: Schema | undefined, path: readonly PathPart[]): boolean {
  if (!schema) return false;
  if (path.length === 0 && multilineSchemas.has(schema)) return true;
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const rest = path.slice(1);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return isMultiline(def.innerType as Schema, path);
    case 'pipe':
      return isMultiline(def.in as Schema, path) || isMultiline(def.out as Schema, path);
    case 'lazy':
      return isMultiline((def.getter as () => Schema)(), path);
    case 'union':
      return (def.options as Schema[]).some((option) => isMultiline(option, path));
    case 'intersection':
      return isMultiline(def.left as Schema, path) || isMultiline(def.right as Schema, path);
    case 'object': {
      if (path.length === 0) return false;
      const shape = def.shape as Record<string, Schema>;
      return isMultiline(shape[String(path[0])] ?? (def.catchall as Schema | undefined), rest);
    }
    case 'record':
      return path.length > 0 && isMultiline(def.valueType as Schema, rest);
    case 'array':
      return path.length > 0 && isMultiline(def.element as Schema, rest);
    case 'tuple':
      return (
        path.length > 0 &&
        isMultiline((def.items as Schema[])[Number(path[0])] ?? (def.rest as Schema | undefined), rest)
      );
    case 'unknown':
    case 'any':
      // A body the route leaves to its module's schema (catalog definitions): line breaks are the module's call;
      // every other forbidden character is still refused here.
      return true;
    default:
      return false;
  }
}

function forbiddenIssue(path: readonly PathPart[], found: string): FieldIssue {
  return {
    path: path.map(String).join('.'),
    code: 'forbidden_character',
    message: {
      ja: `使用できない文字（${found}）が含まれています。制御文字などを取り除いてください。`,
      en: `Contains a character that is not accepted (${found}); remove control characters and the like.`,
    },
  };
}

function collect(value: unknown, schema: Schema | undefined, path: PathPart[], issues: FieldIssue[]): void {
  if (typeof value === 'string') {
    const found = findForbiddenCharacter(value, { multiline: isMultiline(schema, path) });
    if (found) issues.push(forbiddenIssue(path, found));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (path.length >= MAX_DEPTH) {
    issues.push({
      path: path.map(String).join('.'),
      code: 'too_deep',
      message: { ja: '入れ子が深すぎます。', en: 'Nested too deeply.' },
    });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collect(item, schema, [...path, index], issues);
    });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = findForbiddenCharacter(key, { multiline: false });
    // The key itself is what is wrong; name the object it sits in.
    if (found) issues.push(forbiddenIssue(path, found));
    else collect(item, schema, [...path, key], issues);
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType);
}

async function jsonBody(c: Context): Promise<unknown> {
  if (!isJson(c.req.header('content-type'))) return undefined;
  // Read as text, which Hono keeps, so the validator and the idempotency fingerprint see the same bytes.
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // the validator answers `malformed_json`
  }
}

function bodySchema(route: RouteConfig, matches: (mediaType: string) => boolean): Schema | undefined {
  const content = route.request?.body?.content as Record<string, { schema?: unknown }> | undefined;
  const entry = content && Object.entries(content).find(([mediaType]) => matches(mediaType))?.[1];
  const schema = entry?.schema as Schema | undefined;
  return schema && typeof schema === 'object' && '_zod' in schema ? schema : undefined;
}

function isCsv(contentType: string | undefined): boolean {
  return contentType !== undefined && /^text\/csv\s*(;|$)/i.test(contentType);
}

/** The middleware that refuses forbidden characters in this route's input with 422 `validation_failed`. */
export function inputTextGuard(route: RouteConfig): MiddlewareHandler {
  const body = bodySchema(route, isJson);
  // A route that takes a CSV file as its body (a licence import) declares `text/csv` with a string schema;
  // the file is checked as one string, its line breaks allowed only when that schema is `multilineText`.
  const csvBody = bodySchema(route, isCsv);
  const declaredHeaders = Object.keys(
    (route.request?.headers as { shape?: Record<string, unknown> } | undefined)?.shape ?? {},
  );
  return async (c, next) => {
    const issues: FieldIssue[] = [];
    for (const [name, values] of Object.entries(c.req.queries())) {
      const found = findForbiddenCharacter(name, { multiline: false });
      if (found) issues.push(forbiddenIssue([], found));
      else for (const value of values) collect(value, undefined, [name], issues);
    }
    for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
      collect(value, undefined, [name], issues);
    }
    for (const name of declaredHeaders) {
      const value = c.req.header(name);
      if (value !== undefined) collect(value, undefined, [name], issues);
    }
    if (route.request?.body) {
      if (csvBody && isCsv(c.req.header('content-type'))) collect(await c.req.text(), csvBody, [], issues);
      else collect(await jsonBody(c), body, [], issues);
    }
    if (issues.length > 0) return problemResponse(c, kernelErrors.forbiddenCharacters(issues));
    await next();
  };
}

/** The route's own middleware with the guard placed after sign-in checks and before anything that writes. */
export function withInputTextGuard(route: RouteConfig): MiddlewareHandler[] {
  const own = route.middleware === undefined ? [] : [route.middleware].flat();
  const at = own.findIndex((middleware) => runsAfterGuard.has(middleware));
  const guard = inputTextGuard(route);
  return at === -1 ? [...own, guard] : [...own.slice(0, at), guard, ...own.slice(at)];
}
