// Marks an order line as being prepared (準備中) by its provider or the store; timeline and audit.
import type { Db } from '../../db/client.js';
import { moveOrderLine } from './move-order-line.js';
import type { OrderLineStepInput } from './order-line-step.js';

export type MarkLinePreparingInput = OrderLineStepInput;

/** received → preparing; any other step is `order_line_transition_not_allowed` (409). No mail: nothing changed for the member yet. */
export async function markLinePreparing(
  db: Db,
  input: MarkLinePreparingInput,
): Promise<{ orderLineId: string }> {
  return moveOrderLine(db, input, 'preparing', { finish: (_tx, { line }) => ({ orderLineId: line.id }) });
}
