// Login IDs; the rules live in the forms shared with the web app, so the registration page checks the same ones.
export {
  canonicalLoginId,
  LOGIN_ID_MAX_LENGTH,
  LOGIN_ID_MIN_LENGTH,
  loginIdPattern,
  loginIdSchema,
  normalizeLoginId,
  type ParsedLoginId,
  parseLoginId,
} from '../../domain/forms/login-id.js';
