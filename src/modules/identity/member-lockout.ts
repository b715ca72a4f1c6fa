// Members as a lockout subject: failures counted in `login_lockouts`, the lock mailed to the member.
import { eq } from 'drizzle-orm';
import { authUser, loginLockouts, members } from '../../db/schema/identity.js';
import { enqueueMail } from '../notifications/index.js';
import { identityErrors } from './identity-errors.js';
import type { LoginLockoutSubject } from './login-lockout-subject.js';

/** The lockout of member login IDs (`login_lockouts`, audit `login_id.*`, mail `member-login-locked`). */
export const memberLockout: LoginLockoutSubject = {
  table: loginLockouts,
  loginIdKind: 'login_id',
  personKind: 'member',
  lockedError: (policy) => identityErrors.loginLocked(policy),
  async findPerson(db, loginIdKey, policy) {
    const [member] = await db
      .select({
        id: members.id,
        loginId: members.loginId,
        name: members.name,
        email: members.email,
        locale: members.locale,
      })
      .from(members)
      .innerJoin(authUser, eq(authUser.id, members.id))
      .where(eq(authUser.username, loginIdKey));
    if (!member) return null;
    return {
      id: member.id,
      tellOfLock: async (tx, now) => {
        await enqueueMail(tx, {
          template: 'member-login-locked',
          locale: member.locale,
          to: member.email,
          payload: { name: member.name, loginId: member.loginId, mode: policy.mode, minutes: policy.minutes },
          now,
        });
      },
    };
  },
};
