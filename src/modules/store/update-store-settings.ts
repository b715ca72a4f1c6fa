// Changes some of the store's settings, validated and audited in one transaction.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { storeSettings } from '../../db/schema/store.js';
import { toDate } from '../../domain/clock.js';
import { kernelErrors } from '../../domain/errors.js';
import { zodIssuesToFields } from '../../domain/validation.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { forgetStoreSettings, getStoreSettings, type StoreSettings } from './get-store-settings.js';
import { storeSettingsPatchSchema } from './store-settings-fields.js';

export interface UpdateStoreSettingsInput {
  patch: unknown;
  actor: Actor;
  now: Temporal.Instant;
}

/** Applies a partial update; a bad field rejects the whole patch and writes nothing. */
export async function updateStoreSettings(db: Db, input: UpdateStoreSettingsInput): Promise<StoreSettings> {
  const parsed = storeSettingsPatchSchema.safeParse(input.patch);
  if (!parsed.success) throw kernelErrors.validation(zodIssuesToFields(parsed.error.issues));
  const patch = parsed.data;
  forgetStoreSettings();
  const after = await db.transaction(async (tx) => {
    const before = await getStoreSettings(tx);
    const [after] = await tx
      .update(storeSettings)
      .set({ ...patch, updatedAt: toDate(input.now) })
      .where(eq(storeSettings.id, 1))
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'store.settings.update',
      targetType: 'store_settings',
      targetId: '1',
      before: pick(before, Object.keys(patch)),
      after: patch,
      at: input.now,
    });
    return after!;
  });
  forgetStoreSettings();
  return after;
}

function pick(row: StoreSettings, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof StoreSettings]]));
}
