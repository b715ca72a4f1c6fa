// RFC 9457 problem documents: every error the API answers has a stable code and ja/en messages.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppError } from '../domain/errors.js';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  messages: { ja: string; en: string };
  instance: string;
  requestId: string | undefined;
  errors?: { path: string; code: string; message: { ja: string; en: string } }[];
  /** Extension members an error adds (RFC 9457 §3.2), e.g. `orderNumber`. */
  [extension: string]: unknown;
}

/** English when the client prefers it, Japanese otherwise: the store's people read Japanese first. */
export function preferredLocale(acceptLanguage: string | undefined): 'ja' | 'en' {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

/** The problem document for an AppError in this request. */
export function problemOf(c: Context, error: AppError): ProblemDocument {
  const locale = preferredLocale(c.req.header('accept-language'));
  return {
    // First, so no extension can overwrite a standard member.
    ...error.extensions,
    type: `urn:keiyaku:problem:${error.code}`,
    title: error.messages[locale],
    status: error.status,
    code: error.code,
    detail: error.messages[locale],
    messages: error.messages,
    instance: c.req.path,
    requestId: c.get('requestId' as never) as string | undefined,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
}

/** Answers with `application/problem+json` (and `Retry-After` when the error says when to retry). */
export function problemResponse(c: Context, error: AppError): Response {
  return c.body(JSON.stringify(problemOf(c, error)), error.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...(error.retryAfterSeconds === undefined ? {} : { 'retry-after': String(error.retryAfterSeconds) }),
  });
}
