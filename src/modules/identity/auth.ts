// The member better-auth instance: username sign-in, a code by mail or SMS as the mandatory second factor, argon2id.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor, username } from 'better-auth/plugins';
import type { AppContext } from '../../context.js';
import {
  authAccount,
  authSession,
  authTwoFactor,
  authUser,
  authVerification,
} from '../../db/schema/identity.js';
import { StoreClock } from '../../domain/clock.js';
import { backupCodeKey } from './backup-code-cipher.js';
import { backupCodeSignIn } from './backup-code-sign-in-plugin.js';
import { spendBackupCode } from './backup-codes.js';
import { betterAuthIdFor, betterAuthLogger } from './better-auth-shared.js';
import { LOGIN_ID_MAX, LOGIN_ID_MIN, LOGIN_ID_PATTERN } from './member-fields.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { sendSignInCode } from './send-sign-in-code.js';
import { MEMBER_SESSION_CEILING_SECONDS } from './session-policy.js';

/** How long a mailed sign-in code is valid, in minutes. */
export const SIGN_IN_CODE_MINUTES = 10;
/** Wrong codes allowed per code before it is dead. */
export const SIGN_IN_CODE_ATTEMPTS = 5;

const authIdFor = betterAuthIdFor('member');

function buildMemberAuth(ctx: AppContext) {
  const secret = ctx.config.secret;
  if (!secret)
    throw new Error('the member auth needs config.secret; resolveSecret runs before the app is built');
  return betterAuth({
    appName: 'keiyaku',
    baseURL: ctx.config.publicUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [new URL(ctx.config.publicUrl).origin],
    database: drizzleAdapter(ctx.db, {
      provider: 'pg',
      transaction: true,
      schema: {
        user: authUser,
        session: authSession,
        account: authAccount,
        verification: authVerification,
        twoFactor: authTwoFactor,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Members are created by registerMember in one transaction with their profile and mail.
      disableSignUp: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    // better-auth's lifetime is only a ceiling: the store's idle and absolute timeouts, which an operator
    // may change at any time, are checked per request by requireMemberSession (current-member.ts).
    session: {
      cookieCache: { enabled: false },
      expiresIn: MEMBER_SESSION_CEILING_SECONDS,
      disableSessionRefresh: true,
    },
    // Rehearsals (KEIYAKU_TEST_CLOCK=1): better-auth dates a session by Date.now(), the store's timeouts
    // above compare it with the store clock; moving a new session's dates by the store clock's offset
    // keeps a member signed in after the clock moved (better-auth's own ceiling only gets longer).
    ...(ctx.clock instanceof StoreClock ? { databaseHooks: storeClockSessionDates(ctx.clock) } : {}),
    // Our own routes call better-auth's API in-process and never expose its handler, so its per-path
    // rate limiter (which only watches its handler) would not see these requests anyway.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: betterAuthLogger(ctx.logger, 'better-auth'),
    advanced: {
      cookiePrefix: 'keiyaku',
      useSecureCookies: ctx.config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      database: {
        generateId: ({ model }) => authIdFor(model),
      },
    },
    plugins: [
      username({
        minUsernameLength: LOGIN_ID_MIN,
        maxUsernameLength: LOGIN_ID_MAX,
        usernameValidator: (value) => LOGIN_ID_PATTERN.test(value),
      }),
      twoFactor({
        issuer: 'keiyaku',
        totpOptions: { disable: true },
        // The challenge outlives its code, so a late code is told "expired" rather than "start again".
        twoFactorCookieMaxAge: (SIGN_IN_CODE_MINUTES + 5) * 60,
        otpOptions: {
          period: SIGN_IN_CODE_MINUTES,
          digits: 6,
          allowedAttempts: SIGN_IN_CODE_ATTEMPTS,
          storeOTP: 'hashed',
          sendOTP: ({ user, otp }) =>
            sendSignInCode(ctx, { memberId: user.id, code: otp, validMinutes: SIGN_IN_CODE_MINUTES }),
        },
        // The store's own lockout (login_lockouts) is the only one: one counter, one answer.
        accountLockout: { enabled: false },
      }),
      backupCodeSignIn((memberId, code) =>
        spendBackupCode(ctx.db, backupCodeKey(secret), { memberId, code, now: ctx.clock.now() }),
      ),
    ],
  });
}

function storeClockSessionDates(clock: StoreClock) {
  const shift = (date: Date) => new Date(date.getTime() + clock.offsetMilliseconds);
  return {
    session: {
      create: {
        before: async (session: { createdAt: Date; updatedAt: Date; expiresAt: Date }) => ({
          data: {
            ...session,
            createdAt: shift(session.createdAt),
            updatedAt: shift(session.updatedAt),
            expiresAt: shift(session.expiresAt),
          },
        }),
      },
    },
  };
}

export type MemberAuth = ReturnType<typeof buildMemberAuth>;

const instances = new WeakMap<AppContext, MemberAuth>();

/** The member auth of a context, built once: it holds no per-request state. */
export function memberAuth(ctx: AppContext): MemberAuth {
  let auth = instances.get(ctx);
  if (!auth) {
    auth = buildMemberAuth(ctx);
    instances.set(ctx, auth);
  }
  return auth;
}
