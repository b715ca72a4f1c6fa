// Who performs an operator operation on inquiries: always a named operator.
import type { Actor } from '../audit/index.js';

/** An operator acting in the admin console; the id is recorded on every change and message. */
export type OperatorActor = Actor & { kind: 'operator'; id: string };
