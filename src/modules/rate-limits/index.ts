// The rate-limits module's public face: database-backed request counters per address and per account.
export { rateLimitErrors } from './rate-limit-errors.js';
export {
  type EndpointLimits,
  type RateLimitedEndpoint,
  type RateLimitRule,
  rateLimits,
} from './rate-limit-rules.js';
export { type TakeEndpointLimitsInput, takeEndpointLimits } from './take-endpoint-limits.js';
export { rateLimitKey, type TakeRateLimitInput, takeRateLimit } from './take-rate-limit.js';
