// A plan's confirmation rule as a lateral SQL join, so the billing close reads when each contract's amount is final in one statement.
import { type SQL, sql } from 'drizzle-orm';

/**
 * `left join lateral (…) <alias> on true` giving `<alias>.rule`, the catalog confirmation rule of the plan
 * `planCode` of product `productId` (SQL of texts) as the catalog holds it now; null for a plan no longer in the catalog, which
 * the caller reads as `on_order` (nothing to wait for).
 */
export function planConfirmationRuleSql(productId: SQL, planCode: SQL, alias: string): SQL {
  return sql`left join lateral (
      select p.confirmation_rule as rule
      from catalog_plans p
      where p.product_id = ${productId} and p.code = ${planCode}
      limit 1) ${sql.raw(alias)} on true`;
}
