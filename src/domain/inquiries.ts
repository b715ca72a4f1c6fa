// Inquiry rules as data: the categories, the status machine and the people-facing inquiry number.
import { AppError } from './errors.js';

export const inquiryCategories = [
  'unlock',
  'withdrawal',
  'login_id',
  'start_date',
  'billing',
  'other',
] as const;
export type InquiryCategory = (typeof inquiryCategories)[number];

export const inquiryStatuses = ['new', 'in_progress', 'answered', 'closed'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

/**
 * Where each status may go. A member's follow-up reopens an answered inquiry; any open inquiry may be
 * closed; a closed one is final, so a customer who writes again starts a new inquiry.
 */
export const inquiryTransitions: Readonly<Record<InquiryStatus, readonly InquiryStatus[]>> = {
  new: ['in_progress', 'closed'],
  in_progress: ['answered', 'closed'],
  answered: ['in_progress', 'closed'],
  closed: [],
};

export const inquiryMessageDirections = ['from_customer', 'to_customer', 'internal_note'] as const;
export type InquiryMessageDirection = (typeof inquiryMessageDirections)[number];

/** Whether the machine allows going from one status to another. */
export function canTransitionInquiry(from: InquiryStatus, to: InquiryStatus): boolean {
  return inquiryTransitions[from].includes(to);
}

/** Throws `inquiry_transition_not_allowed` (409) unless the machine allows the step. */
export function assertInquiryTransition(from: InquiryStatus, to: InquiryStatus): void {
  if (canTransitionInquiry(from, to)) return;
  throw new AppError({
    code: 'inquiry_transition_not_allowed',
    status: 409,
    message: {
      ja: `お問い合わせの状態を「${statusLabels.ja[from]}」から「${statusLabels.ja[to]}」に変更することはできません。`,
      en: `An inquiry cannot go from "${statusLabels.en[from]}" to "${statusLabels.en[to]}".`,
    },
  });
}

/** Status names as people read them. */
export const statusLabels: Readonly<Record<'ja' | 'en', Readonly<Record<InquiryStatus, string>>>> = {
  ja: { new: '新規', in_progress: '対応中', answered: '回答済み', closed: '完了' },
  en: { new: 'new', in_progress: 'in progress', answered: 'answered', closed: 'closed' },
};

/** Category names as people read them, in mail and on My Page. */
export const categoryLabels: Readonly<Record<'ja' | 'en', Readonly<Record<InquiryCategory, string>>>> = {
  ja: {
    unlock: 'アカウントのロック解除',
    withdrawal: '退会のご依頼',
    login_id: 'ログインIDのお問い合わせ',
    start_date: '利用開始日の変更',
    billing: 'ご請求・お支払い',
    other: 'その他',
  },
  en: {
    unlock: 'Unlocking an account',
    withdrawal: 'Withdrawal request',
    login_id: 'Forgotten login ID',
    start_date: 'Changing a start date',
    billing: 'Billing and payment',
    other: 'Other',
  },
};

/** The inquiry number people quote: `Q2026-000001`, sequential within the store's calendar year. */
export function formatInquiryNumber(year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new Error(`inquiry sequence out of range: ${sequence}`);
  }
  return `Q${year}-${String(sequence).padStart(6, '0')}`;
}
