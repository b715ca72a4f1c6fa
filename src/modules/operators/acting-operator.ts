// Who performs an owner's or support's action on accounts: always a named operator, with the request's address.
import type { Actor } from '../audit/index.js';

/** An operator acting in the admin console; the id is recorded on every change. */
export type ActingOperator = Actor & { kind: 'operator'; id: string };
