// Puts the demo store in place: its identity and its closure days, idempotently, audited as the CLI.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.js';
import type { Actor } from '../modules/audit/index.js';
import { addClosureDay, updateStoreSettings } from '../modules/store/index.js';

export const demoStoreIdentity = {
  name: 'keiyaku デモストア',
  issuerName: '株式会社けいやくデモ',
  registrationNumber: 'T6012345678901',
  postalCode: '100-0005',
  address: '東京都千代田区丸の内1-1-1',
  phone: '03-1234-5678',
  email: 'support@keiyaku.invalid',
  businessHours: '平日 9:00〜18:00（土日祝・年末年始を除く）',
  taxRounding: 'floor',
} as const;

/** The demo store's own summer break, on top of weekends, holidays and the bank year end. */
export const demoClosureDays = [
  { day: '2026-08-13', reason: '夏季休業' },
  { day: '2026-08-14', reason: '夏季休業' },
] as const;

export interface SeedDemoStoreInput {
  actor: Actor;
  now: Temporal.Instant;
}

/** Resets the store identity to the demo's and adds the demo closure days; running it twice changes nothing more. */
export async function seedDemoStore(db: Db, input: SeedDemoStoreInput): Promise<void> {
  await updateStoreSettings(db, { patch: demoStoreIdentity, actor: input.actor, now: input.now });
  for (const closure of demoClosureDays) {
    await addClosureDay(db, { ...closure, actor: input.actor, now: input.now });
  }
}
