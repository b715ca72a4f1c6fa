// The idempotency module's public face: claim a key, then complete or release it.
export {
  ABANDONED_CLAIM_SECONDS,
  type ClaimIdempotencyKeyInput,
  type ClaimResult,
  claimIdempotencyKey,
  type StoredResponse,
} from './claim-idempotency-key.js';
export {
  completeIdempotencyKey,
  type FinishIdempotencyKeyInput,
  releaseIdempotencyKey,
} from './finish-idempotency-key.js';
export { idempotencyErrors } from './idempotency-errors.js';
