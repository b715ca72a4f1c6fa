// A cart item's choice, checked by the one price engine before it is stored.
import type { DbOrTx } from '../../db/client.js';
import type { EstimateRequest } from '../../domain/estimate.js';
import { estimateProduct } from '../catalog/index.js';
import { orderingErrors } from './ordering-errors.js';

export interface CartChoice {
  /** The product's id or slug. */
  product: string;
  plan: string;
  term: string;
  quantity?: number;
  options?: { code: string; quantity?: number }[];
  usage?: { code: string; quantity: number }[];
  /** A free trial of the product: the plan must be the trial's, and it is priced at ¥0 for the trial period. */
  trial?: boolean;
}

/**
 * Prices the choice now, so an impossible one (unknown plan, term not offered, quantity out of range,
 * removing an included option, a product not on sale, a trial the product does not offer or on another
 * plan) is refused with the simulator's own problem. Returns the product's id and the request as the
 * engine understood it.
 */
export async function checkCartChoice(
  db: DbOrTx,
  choice: CartChoice,
): Promise<{ productId: string; request: EstimateRequest; trial: boolean }> {
  const request: EstimateRequest = {
    plan: choice.plan,
    term: choice.term,
    ...(choice.quantity === undefined ? {} : { quantity: choice.quantity }),
    options: choice.options ?? [],
    usage: choice.usage ?? [],
  };
  const { product } = await estimateProduct(db, { product: choice.product, request });
  const trial = choice.trial === true;
  if (trial) {
    const offered = product.definition.trial;
    if (!offered) throw orderingErrors.trialNotOffered();
    if (offered.plan !== request.plan) {
      const plan = product.definition.plans.find((p) => p.code === offered.plan)!;
      throw orderingErrors.trialPlanMismatch(plan.name);
    }
  }
  return { productId: product.id, request, trial };
}
