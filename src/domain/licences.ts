// Pure rules of software licences: the printed formats of registration numbers and install keys, and what a validation answers on a given day.
import { createHash, randomInt } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { BilingualMessage } from './errors.js';

export type LicenceEdition = 'package' | 'download';

/** The stable codes of a validation answer (documented in docs/licences.md). */
export const licenceAnswerCodes = [
  'valid',
  'not_found',
  'expired',
  'renewal_unpaid',
  'edition_expired_may_run',
  'too_many_machines',
  'suspended',
] as const;
export type LicenceAnswerCode = (typeof licenceAnswerCodes)[number];

/** Letters and digits that cannot be misread on paper: no 0/O, 1/I/L. 31 symbols. */
export const INSTALL_KEY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const KEY_GROUPS = 5;
const KEY_GROUP_LENGTH = 5;

/** A new install key, `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX` (25 symbols, about 124 bits), from the system's CSPRNG. */
export function newInstallKey(): string {
  const groups: string[] = [];
  for (let g = 0; g < KEY_GROUPS; g++) {
    let group = '';
    for (let i = 0; i < KEY_GROUP_LENGTH; i++)
      group += INSTALL_KEY_ALPHABET[randomInt(INSTALL_KEY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a person typed as an install key, compared in one form: full-width folded, upper case, no spaces or hyphens. */
export function normaliseInstallKey(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－ー]/g, '');
}

/** The stored form of an install key: hex SHA-256 of its normalised form (keys are random, so no slow hash is needed). */
export function hashInstallKey(typed: string): string {
  return createHash('sha256').update(normaliseInstallKey(typed)).digest('hex');
}

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A new product registration number, `NNNN-NNNN-NNNN`: 11 random digits and a Luhn check digit, so one mistyped digit is caught. */
export function newRegistrationNumber(): string {
  let digits = '';
  for (let i = 0; i < 11; i++) digits += String(randomInt(10));
  digits += String(luhnCheckDigit(digits));
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

/** A typed registration number in its stored form (`NNNN-NNNN-NNNN`), or null when it cannot be one. */
export function normaliseRegistrationNumber(typed: string): string | null {
  const digits = typed.normalize('NFKC').replace(/[\s\-‐－ー]/g, '');
  if (!/^[0-9]{12}$/.test(digits)) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

/** A licence as a validation sees it. */
export interface LicenceStanding {
  edition: LicenceEdition;
  contractStatus: string;
  validUntil: string;
  updatesAllowedUntil: string;
}

/** A manual renewal taken but not in force yet (from the contract). */
export interface LicenceRenewal {
  /** The renewal awaiting payment: its term's last day. */
  pendingUntil: string | null;
  /** A paid renewal whose term has not begun: the contract is paid through this day. */
  paidThrough: string | null;
  /** The store's days after the term end in which an unpaid renewal may still be paid. */
  graceDays: number;
}

/** What the product is told, before machine activations are counted. */
export interface LicenceVerdict {
  code: LicenceAnswerCode;
  valid: boolean;
  mayStart: boolean;
  mayUpgrade: boolean;
  validUntil: string;
  updatesAllowedUntil: string;
  /** For `renewal_unpaid`: the grace period is over, so upgrades stop and old-version data cannot be opened. */
  afterGrace: boolean;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The verdict on `today` (Asia/Tokyo), seed 004: a paid renewal counts at once (valid through its term);
 * a renewal taken and unpaid lets the product upgrade first, and past the term end answers
 * `renewal_unpaid` (may start; may upgrade until the grace period ends); suspended contracts may not start;
 * after the paid-through date (or once the contract ended or expired) the download edition stops and the
 * package edition keeps running without upgrades.
 */
export function licenceVerdict(
  licence: LicenceStanding,
  today: Temporal.PlainDate,
  renewal: LicenceRenewal = { pendingUntil: null, paidThrough: null, graceDays: 0 },
): LicenceVerdict {
  const closed = licence.contractStatus === 'ended' || licence.contractStatus === 'expired';
  const validUntil =
    !closed && renewal.paidThrough ? later(licence.validUntil, renewal.paidThrough) : licence.validUntil;
  const pending = !closed && renewal.pendingUntil !== null;
  const updatesAllowedUntil = pending
    ? later(licence.updatesAllowedUntil, renewal.pendingUntil!)
    : later(licence.updatesAllowedUntil, validUntil);
  const base = { validUntil, updatesAllowedUntil, afterGrace: false };
  if (licence.contractStatus === 'suspended')
    return { ...base, code: 'suspended', valid: false, mayStart: false, mayUpgrade: false };
  const lapsed = closed || Temporal.PlainDate.compare(today, Temporal.PlainDate.from(validUntil)) > 0;
  if (lapsed && pending) {
    const graceEnd = Temporal.PlainDate.from(validUntil).add({ days: renewal.graceDays });
    const afterGrace = Temporal.PlainDate.compare(today, graceEnd) > 0;
    return {
      ...base,
      updatesAllowedUntil: afterGrace ? validUntil : updatesAllowedUntil,
      code: 'renewal_unpaid',
      valid: false,
      mayStart: true,
      mayUpgrade: !afterGrace,
      afterGrace,
    };
  }
  if (lapsed) {
    const ended = { ...base, updatesAllowedUntil: validUntil };
    return licence.edition === 'download'
      ? { ...ended, code: 'expired', valid: false, mayStart: false, mayUpgrade: false }
      : { ...ended, code: 'edition_expired_may_run', valid: false, mayStart: true, mayUpgrade: false };
  }
  return { ...base, code: 'valid', valid: true, mayStart: true, mayUpgrade: true };
}

/** The machine limit overrides a verdict that would let a new machine start. */
export function tooManyMachines(verdict: LicenceVerdict): LicenceVerdict {
  return { ...verdict, code: 'too_many_machines', valid: false, mayStart: false, mayUpgrade: false };
}

/** What the product shows the user for each code, in both languages. */
export function licenceAnswerMessage(
  code: LicenceAnswerCode,
  validUntil: string | null,
  afterGrace = false,
): BilingualMessage {
  const ja = validUntil ? validUntil.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : '';
  const en = validUntil ?? '';
  switch (code) {
    case 'valid':
      return {
        ja: `基本使用サービスは${ja}まで有効です。`,
        en: `Your basic service is valid until ${en}.`,
      };
    case 'not_found':
      return {
        ja: '製品登録番号またはインストールキーが正しくありません。',
        en: 'The product registration number or the install key is not correct.',
      };
    case 'expired':
      return {
        ja: `基本使用サービスの有効期間（${ja}まで）が過ぎたため、製品を起動できません。更新のお手続きをお願いします。`,
        en: `Your basic service ended on ${en}, so the product cannot start. Please renew it.`,
      };
    case 'renewal_unpaid':
      return afterGrace
        ? {
            ja: '更新のお支払いが一定期間確認できないため、バージョンアップはできません。古いバージョンのデータを開けなくなります。お支払いをお済ませください。',
            en: 'Your renewal has not been paid for some time, so the product cannot be upgraded and data of the old version can no longer be opened. Please pay the renewal.',
          }
        : {
            ja: '更新のお支払いが確認できていません。バージョンアップはできますが、お支払いが一定期間確認できない場合、古いバージョンのデータを開けなくなります。お早めにお支払いください。',
            en: 'We have not received the payment for your renewal yet. You may upgrade now, but if it stays unpaid for some time, data of the old version can no longer be opened. Please pay it soon.',
          };
    case 'edition_expired_may_run':
      return {
        ja: `基本使用サービスの有効期間（${ja}まで）が過ぎています。製品は起動できますが、バージョンアップはできません。`,
        en: `Your basic service ended on ${en}. The product still starts, but it cannot be upgraded.`,
      };
    case 'too_many_machines':
      return {
        ja: 'このライセンスで利用できるパソコンの台数を超えています。使わないパソコンの登録を解除してください。',
        en: 'This licence is already in use on as many computers as it allows. Release a computer you no longer use.',
      };
    case 'suspended':
      return {
        ja: 'ご契約が停止されているため、製品を起動できません。サポートセンターにお問い合わせください。',
        en: 'Your contract is suspended, so the product cannot start. Please contact the support centre.',
      };
  }
}
