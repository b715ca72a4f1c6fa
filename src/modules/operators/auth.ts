// The operator better-auth instance: its own tables and cookie name, username sign-in, a mandatory second factor (authenticator app or mailed code).
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor, username } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import {
  operatorAccount,
  operatorSession,
  operators,
  operatorTwoFactor,
  operatorUser,
  operatorVerification,
} from '../../db/schema/operators.js';
import {
  betterAuthIdFor,
  betterAuthLogger,
  hashPassword,
  LOGIN_ID_MAX,
  LOGIN_ID_MIN,
  LOGIN_ID_PATTERN,
  verifyPassword,
} from '../identity/auth-index.js';
import { enqueueMail } from '../notifications/index.js';

/** The cookie prefix of operator sessions; members' cookies are `keiyaku.*`, so neither instance reads the other's. */
export const OPERATOR_COOKIE_PREFIX = 'keiyaku_admin';
/** Operator cookies are sent to the admin API only. */
export const OPERATOR_COOKIE_PATH = '/api/admin';
/** How long a mailed operator code is valid, in minutes. */
export const OPERATOR_CODE_MINUTES = 10;
/** Wrong codes allowed per code before it is dead. */
export const OPERATOR_CODE_ATTEMPTS = 5;
/** The issuer an authenticator app shows beside the operator's account. */
export const OPERATOR_TOTP_ISSUER = 'keiyaku admin';

const authIdFor = betterAuthIdFor('operator');

function buildOperatorAuth(ctx: AppContext) {
  const secret = ctx.config.secret;
  if (!secret)
    throw new Error('the operator auth needs config.secret; resolveSecret runs before the app is built');
  return betterAuth({
    appName: 'keiyaku admin',
    baseURL: ctx.config.publicUrl,
    basePath: '/api/admin/auth',
    secret,
    trustedOrigins: [new URL(ctx.config.publicUrl).origin],
    database: drizzleAdapter(ctx.db, {
      provider: 'pg',
      transaction: true,
      schema: {
        user: operatorUser,
        session: operatorSession,
        account: operatorAccount,
        verification: operatorVerification,
        twoFactor: operatorTwoFactor,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Operators are created by createOperator (CLI or first start), never by signing up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    // Staff sessions are shorter than members': a day, renewed while in use.
    session: { cookieCache: { enabled: false }, expiresIn: 60 * 60 * 24, updateAge: 60 * 60 },
    // Our routes call better-auth in-process; its limiter only watches its own (unmounted) handler.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: betterAuthLogger(ctx.logger, 'better-auth-operators'),
    advanced: {
      cookiePrefix: OPERATOR_COOKIE_PREFIX,
      useSecureCookies: ctx.config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: OPERATOR_COOKIE_PATH },
      database: { generateId: ({ model }) => authIdFor(model) },
    },
    plugins: [
      username({
        minUsernameLength: LOGIN_ID_MIN,
        maxUsernameLength: LOGIN_ID_MAX,
        usernameValidator: (value) => LOGIN_ID_PATTERN.test(value),
      }),
      twoFactor({
        issuer: OPERATOR_TOTP_ISSUER,
        totpOptions: { digits: 6, period: 30 },
        twoFactorCookieMaxAge: (OPERATOR_CODE_MINUTES + 5) * 60,
        otpOptions: {
          period: OPERATOR_CODE_MINUTES,
          digits: 6,
          allowedAttempts: OPERATOR_CODE_ATTEMPTS,
          storeOTP: 'hashed',
          sendOTP: async ({ user, otp }) => {
            const [operator] = await ctx.db.select().from(operators).where(eq(operators.id, user.id));
            if (!operator) throw new Error(`no operator profile for ${user.id}`);
            await enqueueMail(ctx.db, {
              template: 'operator-sign-in-code',
              locale: operator.locale,
              to: operator.email,
              payload: {
                displayName: operator.displayName,
                code: otp,
                validMinutes: OPERATOR_CODE_MINUTES,
              },
              now: ctx.clock.now(),
            });
          },
        },
        // The store's lockout policy will be the only one; better-auth's own is off.
        accountLockout: { enabled: false },
      }),
    ],
  });
}

export type OperatorAuth = ReturnType<typeof buildOperatorAuth>;

const instances = new WeakMap<AppContext, OperatorAuth>();

/** The operator auth of a context, built once: it holds no per-request state. */
export function operatorAuth(ctx: AppContext): OperatorAuth {
  let auth = instances.get(ctx);
  if (!auth) {
    auth = buildOperatorAuth(ctx);
    instances.set(ctx, auth);
  }
  return auth;
}
