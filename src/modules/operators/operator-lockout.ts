// Operators as a lockout subject: failures counted in `operator_login_lockouts`, the lock mailed to the operator.
import { eq } from 'drizzle-orm';
import { operatorLoginLockouts, operators, operatorUser } from '../../db/schema/operators.js';
import type { LoginLockoutSubject } from '../identity/auth-index.js';
import { enqueueMail } from '../notifications/index.js';
import { operatorErrors } from './operator-errors.js';

/** The lockout of operator login IDs (`operator_login_lockouts`, audit `operator_login_id.*`, mail `operator-login-locked`). */
export const operatorLockout: LoginLockoutSubject = {
  table: operatorLoginLockouts,
  loginIdKind: 'operator_login_id',
  personKind: 'operator',
  lockedError: (policy) => operatorErrors.loginLocked(policy),
  async findPerson(db, loginIdKey, policy) {
    const [operator] = await db
      .select({
        id: operators.id,
        loginId: operators.loginId,
        displayName: operators.displayName,
        email: operators.email,
        locale: operators.locale,
      })
      .from(operators)
      .innerJoin(operatorUser, eq(operatorUser.id, operators.id))
      .where(eq(operatorUser.username, loginIdKey));
    if (!operator) return null;
    return {
      id: operator.id,
      tellOfLock: async (tx, now) => {
        await enqueueMail(tx, {
          template: 'operator-login-locked',
          locale: operator.locale,
          to: operator.email,
          payload: {
            displayName: operator.displayName,
            loginId: operator.loginId,
            mode: policy.mode,
            minutes: policy.minutes,
          },
          now,
        });
      },
    };
  },
};
