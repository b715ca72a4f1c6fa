// An operator records a manual renewal's payment: the renewal is paid (applied now if its term has begun) and the member is told.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.js';
import type { Actor } from '../modules/audit/index.js';
import { type RecordedRenewalPayment, recordRenewalPayment } from '../modules/contracts/index.js';
import { getMemberProfile } from '../modules/identity/auth-index.js';
import { enqueueMail } from '../modules/notifications/index.js';

/** Records the payment and queues the "renewed" mail in one transaction. */
export async function recordContractRenewalPayment(
  db: Db,
  input: {
    contractId: string;
    renewalId: string;
    actor: Actor;
    reason: string | null;
    now: Temporal.Instant;
  },
): Promise<RecordedRenewalPayment> {
  return db.transaction(async (tx) => {
    const done = await recordRenewalPayment(tx, input);
    const profile = await getMemberProfile(tx, done.contract.memberId);
    if (profile.email) {
      const locale = done.contract.locale === 'en' ? 'en' : 'ja';
      await enqueueMail(tx, {
        template: 'contract-renewed',
        locale,
        to: profile.email,
        payload: {
          name: profile.name,
          contractNumber: done.contract.number,
          productName: locale === 'en' ? done.contract.productNameEn : done.contract.productNameJa,
          termStart: done.renewal.termStart,
          termEnd: done.renewal.termEnd,
          total: done.total,
        },
        now: input.now,
      });
    }
    return done;
  });
}
