// Typed HTTP client for the keiyaku API, its types generated from the server's OpenAPI document.
import i18next from 'i18next';
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** Same-origin client: the server serves both the app and /api, and the Vite dev server proxies /api. */
export const api = createClient<paths>({ baseUrl: '' });

// The server picks the language of the mails it queues (and of problem titles) from Accept-Language:
// send the language the visitor chose on screen rather than the browser's.
api.use({
  onRequest({ request }) {
    request.headers.set('accept-language', i18next.language === 'en' ? 'en' : 'ja');
    return request;
  },
});

/** An RFC 9457 problem document, as every API error is answered. */
export type Problem = components['schemas']['Problem'];

/** A non-2xx answer from the API, kept apart from network failures so callers can tell them apart. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    /** The problem document, when the answer carried one. */
    readonly problem?: Problem,
  ) {
    super(`API ${path} answered ${status}${problem ? ` (${problem.code})` : ''}`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Problem>;
  return typeof candidate.code === 'string' && typeof candidate.messages?.ja === 'string';
}

/** The ApiError of a failed answer, carrying its problem document when the body is one. */
export function apiError(response: Response, path: string, body: unknown): ApiError {
  return new ApiError(response.status, path, isProblem(body) ? body : undefined);
}

/** What every openapi-fetch call answers: the body of a success, or the error body of a failure. */
interface Answered<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer; a failed one throws its ApiError (the one place answers become errors). */
export function dataOf<T>({ data, error, response }: Answered<T>, path: string): T {
  if (!response.ok || data === undefined) throw apiError(response, path, error);
  return data;
}

/** Throws the ApiError of a failed answer, for calls whose success carries no body worth reading. */
export function expectOk({ error, response }: Answered<unknown>, path: string): void {
  if (!response.ok) throw apiError(response, path, error);
}

/**
 * A runtime list of every value of a status type generated from the server's list (src/domain): the
 * typecheck fails when the list here misses a value or has one the server does not know.
 */
export function everyValue<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : 'misses a value'),
  ): L => list;
}

/** TanStack Query's `retry`: one retry rides out a network blip; an answer from the server would only repeat. */
export const retryBlips = (failures: number, error: Error): boolean =>
  failures < 1 && !(error instanceof ApiError);
