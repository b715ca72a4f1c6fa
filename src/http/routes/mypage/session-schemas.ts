// OpenAPI schemas of a member's sign-in history and sessions (My Page and the admin member page).
import { z } from '@hono/zod-openapi';
import type { MemberActiveSession, MemberSignIn } from '../../../modules/identity/auth-index.js';

export const signInEntrySchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ example: '2026-04-01T00:00:00.000Z' }),
    outcome: z.enum(['succeeded', 'failed']),
    method: z.enum(['password', 'code', 'backup_code']).openapi({
      description: '`password`: a wrong password (failed only); `code`: the mailed code; `backup_code`',
    }),
    ipAddress: z.string().nullable(),
    browser: z.string().openapi({ example: 'Chrome 131 / Windows', description: 'empty when unknown' }),
    current: z.boolean().openapi({ description: 'this sign-in opened the session making the request' }),
  })
  .openapi('SignInEntry');

export const activeSessionSchema = z
  .object({
    id: z.string().openapi({ example: 'ses_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    signedInAt: z.string(),
    lastActiveAt: z.string(),
    expiresAt: z
      .string()
      .openapi({ description: 'when the session ends unless used again, or at the latest' }),
    ipAddress: z.string().nullable(),
    browser: z.string(),
    current: z.boolean().openapi({ description: 'the session making the request' }),
  })
  .openapi('ActiveSession');

export const sessionsRevokedSchema = z
  .object({ revoked: z.number().int().openapi({ description: 'how many sessions were signed out' }) })
  .openapi('SessionsRevoked');

/** A sign-in as the API shows it, `current` when it opened the given session. */
export function signInJson(entry: MemberSignIn, currentSessionId: string | null) {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    outcome: entry.outcome,
    method: entry.method,
    ipAddress: entry.ipAddress,
    browser: entry.browser,
    current: currentSessionId !== null && entry.sessionId === currentSessionId,
  };
}

/** A live session as the API shows it. */
export function sessionJson(session: MemberActiveSession, currentSessionId: string) {
  return {
    id: session.id,
    signedInAt: session.signedInAt.toISOString(),
    lastActiveAt: session.lastActiveAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ipAddress: session.ipAddress,
    browser: session.browser,
    current: session.id === currentSessionId,
  };
}
