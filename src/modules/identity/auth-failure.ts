// Reads better-auth's thrown errors: its stable error code, so callers can answer with our own problems.
import { isAPIError } from 'better-auth/api';

/** better-auth's error code of a thrown value, or null when it is not one of its API errors. */
export function authErrorCode(error: unknown): string | null {
  if (!isAPIError(error)) return null;
  const body: unknown = error.body;
  if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') return body.code;
  return String(error.status);
}

/** The `name=value` pairs of Set-Cookie headers, as a Cookie header for a follow-up call. */
export function cookieHeaderFrom(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => pair.includes('='))
    .join('; ');
}
