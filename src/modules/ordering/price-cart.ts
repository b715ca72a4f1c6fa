// The cart as the customer sees it: every item re-priced by the one engine now, unavailable ones flagged.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cartItems } from '../../db/schema/ordering.js';
import { AppError, type BilingualMessage } from '../../domain/errors.js';
import {
  type CombinedEstimate,
  combineEstimates,
  type Estimate,
  estimate,
  trialEstimate,
} from '../../domain/estimate.js';
import { type CatalogProduct, loadProducts, toPriceableProduct } from '../catalog/index.js';
import { getStoreSettings } from '../store/index.js';
import type { CartOwner } from './cart-owner.js';
import { findCartId } from './find-cart.js';

export interface PricedCartItem {
  id: string;
  productId: string;
  product: CatalogProduct | null;
  plan: string;
  term: string;
  quantity: number | null;
  options: { code: string; quantity?: number }[];
  usage: { code: string; quantity: number }[];
  /** The product's trial when the item is a free trial (priced at ¥0); null otherwise. */
  trial: { days: number; conditionsDocument: string; paymentMethodRequired: boolean } | null;
  /** Whether the item was put in as a free trial (also when the product stopped offering one). */
  isTrial: boolean;
  /** Null when the item cannot be ordered as chosen any more; `problem` then says why. */
  estimate: Estimate | null;
  problem: { code: string; message: BilingualMessage } | null;
}

export interface PricedCart {
  cartId: string | null;
  items: PricedCartItem[];
  /** The available items together, tax once per rate; null when none is available. */
  totals: CombinedEstimate | null;
}

const notOnSale = {
  code: 'product_not_on_sale',
  message: {
    ja: 'この商品は現在お申し込みいただけません。',
    en: 'This product cannot be ordered at the moment.',
  },
};

const trialGone = {
  code: 'trial_not_offered',
  message: {
    ja: 'この商品の無料トライアルは現在お申し込みいただけません。',
    en: 'The free trial of this product cannot be ordered at the moment.',
  },
};

/**
 * Items whose product was retired, or whose plan, term or option is no longer offered, stay in the cart
 * with the reason, so the customer sees what changed instead of finding something silently dropped.
 */
export async function priceCart(db: DbOrTx, owner: CartOwner): Promise<PricedCart> {
  const cartId = await findCartId(db, owner);
  if (!cartId) return { cartId: null, items: [], totals: null };
  const rows = await db
    .select()
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.addedAt), asc(cartItems.id));
  const products = await loadProducts(db, [...new Set(rows.map((row) => row.productId))]);
  const { taxRounding } = await getStoreSettings(db);

  const items = rows.map((row): PricedCartItem => {
    const product = products.find((p) => p.id === row.productId) ?? null;
    const base = {
      id: row.id,
      productId: row.productId,
      product,
      plan: row.plan,
      term: row.term,
      quantity: row.quantity,
      options: row.options,
      usage: row.usage,
      isTrial: row.trial,
      trial: row.trial && product?.definition.trial ? product.definition.trial : null,
    };
    if (product?.status !== 'published') return { ...base, estimate: null, problem: notOnSale };
    if (row.trial && product.definition.trial?.plan !== row.plan) {
      return { ...base, estimate: null, problem: trialGone };
    }
    try {
      const priced = estimate(
        toPriceableProduct(product.definition),
        {
          plan: row.plan,
          term: row.term,
          ...(row.quantity === null ? {} : { quantity: row.quantity }),
          options: row.options,
          usage: row.usage,
        },
        taxRounding,
      );
      return { ...base, estimate: row.trial ? trialEstimate(priced) : priced, problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { ...base, estimate: null, problem: { code: error.code, message: error.messages } };
    }
  });
  const available = items.flatMap((item) => (item.estimate ? [item.estimate] : []));
  return {
    cartId,
    items,
    totals: available.length > 0 ? combineEstimates(available, taxRounding) : null,
  };
}
