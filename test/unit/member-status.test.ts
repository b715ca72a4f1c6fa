// The member lifecycle as data: every allowed step, every refused one, and the refusal's wording.
import { describe, expect, it } from 'vitest';
import { memberStatuses } from '../../src/db/schema/identity.js';
import { AppError } from '../../src/domain/errors.js';
import {
  assertMemberTransition,
  canTransitionMember,
  memberLifecycleStatuses,
  memberTransitions,
} from '../../src/domain/member-status.js';

describe('member lifecycle', () => {
  it('names the same statuses as the members table', () => {
    expect([...memberLifecycleStatuses]).toEqual([...memberStatuses]);
  });

  it('allows exactly the steps of registration, review and withdrawal', () => {
    const allowed = memberLifecycleStatuses.flatMap((from) =>
      memberLifecycleStatuses.filter((to) => canTransitionMember(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'unconfirmed→pending_review',
      'unconfirmed→active',
      'pending_review→active',
      'pending_review→rejected',
      'active→withdrawn',
    ]);
    expect(memberTransitions.rejected).toEqual([]);
    expect(memberTransitions.withdrawn).toEqual([]);
  });

  it('refuses any other step with 409 member_transition_not_allowed in both languages', () => {
    const error = (() => {
      try {
        assertMemberTransition('withdrawn', 'active');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'member_transition_not_allowed',
      status: 409,
      messages: {
        ja: '会員の状態を「退会済み」から「有効」に変更することはできません。',
        en: 'A member cannot go from "withdrawn" to "active".',
      },
    });
    expect(() => assertMemberTransition('pending_review', 'active')).not.toThrow();
  });
});
