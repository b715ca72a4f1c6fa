// Tables of the ordering module: carts and their items (orders come next).
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { catalogProducts } from './catalog.js';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A cart belongs to a member or to a guest's browser (the SHA-256 of a random cookie token), never both:
 * at sign-in a guest cart is merged into the member's. Prices are never stored: every read re-prices.
 */
export const carts = pgTable(
  'carts',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    guestTokenHash: text('guest_token_hash'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('carts_member_unique').on(t.memberId),
    uniqueIndex('carts_guest_token_unique').on(t.guestTokenHash),
    check('carts_one_owner', sql`(${t.memberId} is null) <> (${t.guestTokenHash} is null)`),
  ],
);

/** What the customer chose for one product: the same shape the estimate simulator takes. */
export const cartItems = pgTable(
  'cart_items',
  {
    id: text('id').primaryKey(),
    cartId: text('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    plan: text('plan').notNull(),
    term: text('term').notNull(),
    quantity: integer('quantity'),
    options: jsonb('options').$type<{ code: string; quantity?: number }[]>().notNull(),
    usage: jsonb('usage').$type<{ code: string; quantity: number }[]>().notNull(),
    addedAt: at('added_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('cart_items_cart_idx').on(t.cartId, t.addedAt)],
);
