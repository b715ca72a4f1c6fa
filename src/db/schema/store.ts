// Tables of the store module: the store's identity and its own closure days.
import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row (id = 1): who the store is, as printed on invoices and shown on the storefront. */
export const storeSettings = pgTable(
  'store_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    issuerName: text('issuer_name').notNull(),
    registrationNumber: text('registration_number'),
    postalCode: text('postal_code').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    businessHours: text('business_hours').notNull(),
    taxRounding: text('tax_rounding', { enum: ['floor', 'round', 'ceil'] })
      .notNull()
      .default('floor'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check('store_settings_single_row', sql`${t.id} = 1`),
    check('store_settings_tax_rounding_known', sql`${t.taxRounding} in ('floor', 'round', 'ceil')`),
  ],
);

/** Days the store itself is closed (beyond weekends, holidays and Dec 31 – Jan 3). */
export const storeClosureDays = pgTable('store_closure_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  reason: text('reason').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});
