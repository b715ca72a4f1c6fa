// The billing module's public face.
export {
  billingProfileCodeSchema,
  billingProfileErrors,
  billingProfileRulesSchema,
  parseBillingMonth,
} from './billing-profile-rules.js';
export {
  defaultBillingProfileCode,
  defaultBillingProfileFrom,
  ensureDefaultBillingProfile,
} from './ensure-default-billing-profile.js';
export { getBillingCalendarMonth } from './get-billing-calendar-month.js';
export { getBillingCalendarSchedule } from './get-billing-calendar-schedule.js';
export { type BillingProfile, type BillingProfileVersion, getBillingProfile } from './get-billing-profile.js';
export { type BillingProfileSummary, listBillingProfiles } from './list-billing-profiles.js';
export { loadBillingProfileVersions } from './load-billing-profile-versions.js';
export {
  type PutBillingProfileVersionInput,
  putBillingProfileVersion,
} from './put-billing-profile-version.js';
