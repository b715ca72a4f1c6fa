// A server-only better-auth endpoint that finishes a pending sign-in with one of our encrypted backup codes.
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { expireCookie, setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';

/** Checks (and spends) a backup code of a member; true when it was a valid unused code. */
export type SpendBackupCode = (memberId: string, code: string) => Promise<boolean>;

/**
 * better-auth's own backup codes live in its `twoFactor` table under its own encryption; ours are stored
 * AES-256-GCM under our key, so this endpoint does the challenge handling its `verifyBackupCode` does
 * (signed two-factor cookie → pending member → session) around our check.
 */
export function backupCodeSignIn(spend: SpendBackupCode) {
  return {
    id: 'keiyaku-backup-code-sign-in',
    endpoints: {
      signInWithBackupCode: createAuthEndpoint.serverOnly(
        { method: 'POST', body: z.object({ code: z.string().min(1).max(64) }) },
        async (ctx) => {
          const twoFactorCookie = ctx.context.createAuthCookie('two_factor');
          const challenge = await ctx.getSignedCookie(twoFactorCookie.name, ctx.context.secret);
          if (!challenge)
            throw APIError.from('UNAUTHORIZED', {
              code: 'INVALID_TWO_FACTOR_COOKIE',
              message: 'no pending sign-in',
            });
          const pending = await ctx.context.internalAdapter.findVerificationValue(challenge);
          const user = pending ? await ctx.context.internalAdapter.findUserById(pending.value) : null;
          if (!pending || !user)
            throw APIError.from('UNAUTHORIZED', {
              code: 'INVALID_TWO_FACTOR_COOKIE',
              message: 'no pending sign-in',
            });
          if (!(await spend(user.id, ctx.body.code)))
            throw APIError.from('UNAUTHORIZED', {
              code: 'INVALID_BACKUP_CODE',
              message: 'invalid backup code',
            });
          const consumed = await ctx.context.internalAdapter.consumeVerificationValue(challenge);
          if (!consumed || consumed.value !== user.id) {
            expireCookie(ctx, twoFactorCookie);
            throw APIError.from('UNAUTHORIZED', {
              code: 'INVALID_TWO_FACTOR_COOKIE',
              message: 'no pending sign-in',
            });
          }
          const session = await ctx.context.internalAdapter.createSession(user.id);
          await setSessionCookie(ctx, { session, user });
          expireCookie(ctx, twoFactorCookie);
          return ctx.json({ userId: user.id, token: session.token });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
