// The pure licence rules: printed formats, typed input folded to one form, and the verdict per edition, status, renewal and day.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  hashInstallKey,
  INSTALL_KEY_ALPHABET,
  type LicenceStanding,
  licenceAnswerMessage,
  licenceVerdict,
  luhnCheckDigit,
  newInstallKey,
  newRegistrationNumber,
  normaliseInstallKey,
  normaliseRegistrationNumber,
  tooManyMachines,
} from '../../src/domain/licences.js';

const day = (iso: string) => Temporal.PlainDate.from(iso);
const download: LicenceStanding = {
  edition: 'download',
  contractStatus: 'active',
  validUntil: '2026-03-31',
  updatesAllowedUntil: '2026-03-31',
};
const pkg: LicenceStanding = { ...download, edition: 'package' };

describe('printed formats', () => {
  it('makes install keys of 5 groups of 5 unambiguous symbols', () => {
    expect(INSTALL_KEY_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++)
      expect(newInstallKey()).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
  });

  it('makes registration numbers whose last digit is the Luhn check digit of the other eleven', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    for (let i = 0; i < 200; i++) {
      const digits = newRegistrationNumber().replaceAll('-', '');
      expect(Number(digits[11])).toBe(luhnCheckDigit(digits.slice(0, 11)));
    }
  });

  it('folds what people type: full width, lower case, spaces and hyphens', () => {
    expect(normaliseInstallKey('ｋ７qx2 mht4p－9rwzd')).toBe('K7QX2MHT4P9RWZD');
    expect(hashInstallKey('k7qx2-mht4p')).toBe(hashInstallKey('K7QX2MHT4P'));
    expect(normaliseRegistrationNumber('１２３４ ５６７８-９０１２')).toBe('1234-5678-9012');
    expect(normaliseRegistrationNumber('1234-5678-901')).toBeNull();
  });
});

describe('the verdict', () => {
  it('is valid through the last day and lapses the day after: download stops, package runs without upgrades', () => {
    expect(licenceVerdict(download, day('2026-03-31'))).toMatchObject({ code: 'valid', mayStart: true });
    expect(licenceVerdict(download, day('2026-04-01'))).toMatchObject({
      code: 'expired',
      mayStart: false,
      mayUpgrade: false,
    });
    expect(licenceVerdict(pkg, day('2026-04-01'))).toMatchObject({
      code: 'edition_expired_may_run',
      mayStart: true,
      mayUpgrade: false,
    });
    expect(licenceVerdict({ ...pkg, contractStatus: 'ended' }, day('2026-01-01')).code).toBe(
      'edition_expired_may_run',
    );
    expect(licenceVerdict({ ...pkg, contractStatus: 'suspended' }, day('2026-01-01'))).toMatchObject({
      code: 'suspended',
      mayStart: false,
    });
  });

  it('counts a paid renewal at once and an unpaid one as renewal_unpaid until the grace period ends', () => {
    const paid = { pendingUntil: null, paidThrough: '2027-03-31', graceDays: 14 };
    expect(licenceVerdict(download, day('2026-02-02'), paid)).toMatchObject({
      code: 'valid',
      validUntil: '2027-03-31',
      updatesAllowedUntil: '2027-03-31',
    });
    const unpaid = { pendingUntil: '2027-03-31', paidThrough: null, graceDays: 14 };
    expect(licenceVerdict(download, day('2026-04-14'), unpaid)).toMatchObject({
      code: 'renewal_unpaid',
      mayStart: true,
      mayUpgrade: true,
      validUntil: '2026-03-31',
      updatesAllowedUntil: '2027-03-31',
      afterGrace: false,
    });
    const late = licenceVerdict(download, day('2026-04-15'), unpaid);
    expect(late).toMatchObject({
      code: 'renewal_unpaid',
      mayStart: true,
      mayUpgrade: false,
      updatesAllowedUntil: '2026-03-31',
      afterGrace: true,
    });
    expect(licenceAnswerMessage(late.code, late.validUntil, late.afterGrace).ja).toBe(
      '更新のお支払いが一定期間確認できないため、バージョンアップはできません。古いバージョンのデータを開けなくなります。お支払いをお済ませください。',
    );
    // An expired contract's cancelled renewal no longer counts.
    expect(licenceVerdict({ ...download, contractStatus: 'expired' }, day('2026-04-20'), unpaid).code).toBe(
      'expired',
    );
  });

  it('lets the machine limit refuse a start, keeping the dates', () => {
    expect(tooManyMachines(licenceVerdict(pkg, day('2026-01-01')))).toMatchObject({
      code: 'too_many_machines',
      valid: false,
      mayStart: false,
      validUntil: '2026-03-31',
    });
  });
});
