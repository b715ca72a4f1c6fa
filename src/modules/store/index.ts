// The store module's public face: the store's identity, its closure days and the rehearsal clock.
export { addClosureDay, type ChangeClosureDayInput } from './add-closure-day.js';
export { getStoreSettings, type StoreSettings } from './get-store-settings.js';
export { type ClosureDay, listClosureDays } from './list-closure-days.js';
export { loadBusinessCalendar } from './load-business-calendar.js';
export { loadStoreClock, readStoreClockOffset, STORE_CLOCK_REFRESH_MS } from './load-store-clock.js';
export {
  formatStoreTime,
  type MoveStoreClockInput,
  moveStoreClock,
  type StoreClockMove,
  storeClockBackwards,
} from './move-store-clock.js';
export { removeClosureDay } from './remove-closure-day.js';
export {
  registrationNumberCheckDigitOk,
  type StoreSettingsKey,
  type StoreSettingsPatch,
  storeSettingsKeys,
  storeSettingsPatchSchema,
} from './store-settings-fields.js';
export { type UpdateStoreSettingsInput, updateStoreSettings } from './update-store-settings.js';
