// Typed HTTP client for the keiyaku API, its types generated from the server's OpenAPI document.
import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** Same-origin client: the server serves both the app and /api, and the Vite dev server proxies /api. */
export const api = createClient<paths>({ baseUrl: '' });

/** A non-2xx answer from the API, kept apart from network failures so callers can tell them apart. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
  ) {
    super(`API ${path} answered ${status}`);
    this.name = 'ApiError';
  }
}
