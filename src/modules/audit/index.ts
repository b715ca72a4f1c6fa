// The audit module's public face.

export { type IdentityCheckMethod, identityCheckMethods } from '../../db/schema/audit.js';
export { type Actor, type RecordAuditInput, recordAudit } from './record-audit.js';
export { type AuditOfBatch, recordAudits } from './record-audits.js';
export {
  type IdentityCheck,
  identityCheckSchema,
  type RecordIdentityCheckInput,
  recordIdentityCheck,
} from './record-identity-check.js';
