// Wires the billing module to the contract events it bills from: a contract ended inside its minimum term leaves its early-termination fee as a one-time charge.
import { registerDomainEventSubscriber } from '../events/index.js';
import { recordContractCharge } from './record-contract-charge.js';

const SYSTEM = { kind: 'system' as const, id: null };

/** Registers the subscribers for this process; safe to call once per context (same names replace). */
export function registerBillingSubscribers(): void {
  registerDomainEventSubscriber({
    name: 'billing.early-termination-fee-on-contract-ended',
    type: 'contract.ended',
    handle: async (tx, event) => {
      const p = event.payload;
      if (p.earlyTerminationFee <= 0) return;
      // Taxed like the plan it ends (a fee for the service not taken).
      const planRate = p.pricing.lines.find((l) => l.kind === 'plan')?.taxRate;
      await recordContractCharge(tx, {
        memberId: p.memberId,
        contractId: p.contractId,
        contractNumber: p.contractNumber,
        code: 'early_termination',
        descriptionJa: `中途解約料金（契約番号 ${p.contractNumber}）`,
        descriptionEn: `Early-termination fee (contract ${p.contractNumber})`,
        amount: p.earlyTerminationFee,
        taxPercent: planRate === 8 ? 8 : 10,
        transactionDate: p.endDate,
        source: 'event',
        // A contract ends once: its id keys the fee, so a re-delivered event makes no second charge.
        idempotencyKey: `early_termination:${p.contractId}`,
        actor: SYSTEM,
        now: event.at,
      });
    },
  });
}
