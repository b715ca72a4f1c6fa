// Puts licences of printed packages on the demo catalog's software product so a new store has licences to search, open and validate: package and download editions, in service, attached by nobody, and one past its validity.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.js';
import type { Actor } from '../modules/audit/index.js';
import { loadProduct } from '../modules/catalog/index.js';
import { importLicences, searchLicences } from '../modules/licensing/index.js';

/** The demo's printed packages: numbers and keys a visitor can type on My Page or send to the licence API. */
export const demoLicences = {
  inService: [
    { registrationNumber: '2026-0401-0007', installKey: 'DEMO2-PACK2-AGE22-AAAAA-22222', edition: 'package' },
    { registrationNumber: '2026-0401-0015', installKey: 'DEMO2-PACK2-AGE22-BBBBB-33333', edition: 'package' },
    {
      registrationNumber: '2026-0401-0023',
      installKey: 'DEMO2-DWNLD-EDTN2-CCCCC-44444',
      edition: 'download',
    },
  ],
  /** Its basic service ended: the package still starts, without upgrades; a download edition would not. */
  expired: [
    { registrationNumber: '2025-0401-0008', installKey: 'DEMO2-PACK2-AGE22-DDDDD-55555', edition: 'package' },
    {
      registrationNumber: '2025-0401-0016',
      installKey: 'DEMO2-DWNLD-EDTN2-EEEEE-66666',
      edition: 'download',
    },
  ],
} as const;

function csv(rows: readonly { registrationNumber: string; installKey: string; edition: string }[]): string {
  return rows.map((r) => `${r.registrationNumber},${r.installKey},${r.edition}`).join('\n');
}

/** Imports the demo packages once: a store whose software product already has a licence is left alone. */
export async function seedDemoLicences(
  db: Db,
  input: { actor: Actor; now: Temporal.Instant },
): Promise<number> {
  const product = await loadProduct(db, 'mirai-accounting-desktop');
  if (!product) return 0;
  if ((await searchLicences(db, { product: product.id, limit: 1 })).total > 0) return 0;
  const today = input.now.toZonedDateTimeISO('Asia/Tokyo').toPlainDate();
  const { imported: current } = await importLicences(db, {
    productId: product.id,
    validUntil: today.add({ months: 11 }).toString(),
    csv: csv(demoLicences.inService),
    actor: input.actor,
    now: input.now,
  });
  const { imported: past } = await importLicences(db, {
    productId: product.id,
    validUntil: today.subtract({ months: 1 }).toString(),
    csv: csv(demoLicences.expired),
    actor: input.actor,
    now: input.now,
  });
  return current + past;
}
