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

/** What the product is told, before machine activations are counted. */
export interface LicenceVerdict {
  code: LicenceAnswerCode;
  valid: boolean;
  mayStart: boolean;
  mayUpgrade: boolean;
}

/**
 * The verdict on `today` (Asia/Tokyo): suspended contracts may not start; after the paid-through date (or
 * once the contract ended or expired) the download edition stops and the package edition keeps running
 * without upgrades (seed 004).
 */
export function licenceVerdict(licence: LicenceStanding, today: Temporal.PlainDate): LicenceVerdict {
  if (licence.contractStatus === 'suspended')
    return { code: 'suspended', valid: false, mayStart: false, mayUpgrade: false };
  const lapsed =
    licence.contractStatus === 'ended' ||
    licence.contractStatus === 'expired' ||
    Temporal.PlainDate.compare(today, Temporal.PlainDate.from(licence.validUntil)) > 0;
  if (lapsed) {
    return licence.edition === 'download'
      ? { code: 'expired', valid: false, mayStart: false, mayUpgrade: false }
      : { code: 'edition_expired_may_run', valid: false, mayStart: true, mayUpgrade: false };
  }
  return { code: 'valid', valid: true, mayStart: true, mayUpgrade: true };
}

/** The machine limit overrides a verdict that would let a new machine start. */
export const tooManyMachines: LicenceVerdict = {
  code: 'too_many_machines',
  valid: false,
  mayStart: false,
  mayUpgrade: false,
};

/** What the product shows the user for each code, in both languages. */
export function licenceAnswerMessage(code: LicenceAnswerCode, validUntil: string | null): BilingualMessage {
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
      return {
        ja: '更新のお支払いが確認できていません。お早めにお支払いください。',
        en: 'We have not received the payment for your renewal yet. Please pay it soon.',
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
