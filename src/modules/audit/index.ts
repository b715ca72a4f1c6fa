// The audit module's public face.
export { type Actor, type RecordAuditInput, recordAudit } from './record-audit.js';
