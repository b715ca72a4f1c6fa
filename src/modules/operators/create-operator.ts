// Creates an operator: better-auth's user and credential rows, the operator profile and the audit entry in one transaction.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { operatorAccount, operators, operatorUser } from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { hashPassword, passwordIssues } from '../identity/auth-index.js';
import type { Locale } from '../notifications/index.js';
import { operatorErrors } from './operator-errors.js';
import { internalOperatorEmail, newOperatorSchema, normalizeOperatorLoginId } from './operator-fields.js';
import type { OperatorRole } from './operator-permissions.js';

export interface CreateOperatorInput {
  loginId: string;
  displayName: string;
  email: string;
  roles: OperatorRole[];
  password: string;
  locale?: Locale;
  actor: Actor;
  now: Temporal.Instant;
}

export interface CreatedOperator {
  operatorId: string;
  loginId: string;
  roles: OperatorRole[];
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Creates an active operator whose every sign-in asks for a second factor. The rows better-auth reads
 * are written here, as for members, so the profile and the audit entry commit with them.
 */
export async function createOperator(db: Db, input: CreateOperatorInput): Promise<CreatedOperator> {
  const parsed = newOperatorSchema.safeParse({
    loginId: input.loginId,
    displayName: input.displayName,
    email: input.email,
    roles: input.roles,
    locale: input.locale ?? 'ja',
  });
  const issues = [
    ...(parsed.success ? [] : zodIssuesToFields(parsed.error.issues)),
    ...passwordIssues(input.password),
  ];
  if (!parsed.success || issues.length > 0) throw operatorErrors.invalid(issues);
  const fields = parsed.data;
  const roles = [...new Set(fields.roles)];
  const username = normalizeOperatorLoginId(fields.loginId);
  const [taken] = await db
    .select({ id: operatorUser.id })
    .from(operatorUser)
    .where(eq(operatorUser.username, username));
  if (taken) throw operatorErrors.loginIdTaken(fields.loginId);

  const passwordHash = await hashPassword(input.password);
  const operatorId = newId('operator');
  const at = toDate(input.now);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(operatorUser).values({
        id: operatorId,
        name: fields.displayName,
        email: internalOperatorEmail(username),
        emailVerified: true,
        username,
        displayUsername: fields.loginId,
        // The second factor is mandatory: better-auth asks for it only when this is set.
        twoFactorEnabled: true,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(operatorAccount).values({
        id: newId('account'),
        accountId: operatorId,
        providerId: 'credential',
        userId: operatorId,
        password: passwordHash,
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(operators).values({
        id: operatorId,
        loginId: fields.loginId,
        displayName: fields.displayName,
        email: fields.email,
        locale: fields.locale,
        roles,
        status: 'active',
        createdAt: at,
        updatedAt: at,
      });
      await recordAudit(tx, {
        actor: input.actor,
        action: 'operator.created',
        targetType: 'operator',
        targetId: operatorId,
        after: { loginId: fields.loginId, displayName: fields.displayName, email: fields.email, roles },
        at: input.now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw operatorErrors.loginIdTaken(fields.loginId);
    throw error;
  }
  return { operatorId, loginId: fields.loginId, roles };
}
