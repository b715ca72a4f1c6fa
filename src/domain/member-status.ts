// The member lifecycle as data: registration, review, withdrawal, and which steps between them are allowed.
import { AppError } from './errors.js';

export const memberLifecycleStatuses = [
  'unconfirmed',
  'pending_review',
  'active',
  'rejected',
  'withdrawn',
] as const;
export type MemberLifecycleStatus = (typeof memberLifecycleStatuses)[number];

/**
 * Where each status may go. A confirmed email leads to `active` (automatic review) or `pending_review`
 * (manual); an operator approves or rejects a pending registration; an active member withdraws.
 * `rejected` and `withdrawn` are final: the personal data is anonymised after the retention period, and a
 * person who comes back registers again.
 */
export const memberTransitions: Readonly<Record<MemberLifecycleStatus, readonly MemberLifecycleStatus[]>> = {
  unconfirmed: ['pending_review', 'active'],
  pending_review: ['active', 'rejected'],
  active: ['withdrawn'],
  rejected: [],
  withdrawn: [],
};

/** Status names as operators and members read them. */
export const memberStatusLabels: Readonly<
  Record<'ja' | 'en', Readonly<Record<MemberLifecycleStatus, string>>>
> = {
  ja: {
    unconfirmed: 'メール確認待ち',
    pending_review: '審査中',
    active: '有効',
    rejected: '登録不可',
    withdrawn: '退会済み',
  },
  en: {
    unconfirmed: 'email not confirmed',
    pending_review: 'under review',
    active: 'active',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
  },
};

/** Whether the machine allows a member to go from one status to another. */
export function canTransitionMember(from: MemberLifecycleStatus, to: MemberLifecycleStatus): boolean {
  return memberTransitions[from].includes(to);
}

/** Throws `member_transition_not_allowed` (409) unless the machine allows the step. */
export function assertMemberTransition(from: MemberLifecycleStatus, to: MemberLifecycleStatus): void {
  if (canTransitionMember(from, to)) return;
  throw new AppError({
    code: 'member_transition_not_allowed',
    status: 409,
    message: {
      ja: `会員の状態を「${memberStatusLabels.ja[from]}」から「${memberStatusLabels.ja[to]}」に変更することはできません。`,
      en: `A member cannot go from "${memberStatusLabels.en[from]}" to "${memberStatusLabels.en[to]}".`,
    },
  });
}
