// Every module's tables, gathered for Drizzle and drizzle-kit.
export * from './audit.js';
export * from './billing-documents.js';
export * from './billing-invoices.js';
export * from './billing-profiles.js';
export * from './catalog.js';
export * from './contracts.js';
export * from './events.js';
export * from './idempotency.js';
export * from './identity.js';
export * from './licensing.js';
export * from './notifications.js';
export * from './operators.js';
export * from './ordering.js';
export * from './provisioning.js';
export * from './rate-limits.js';
export * from './store.js';
export * from './support.js';
