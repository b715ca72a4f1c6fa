// The provisioning module's public face: providers' API keys, the hand-off of order lines to providers, and what providers and operators read of it.
export { type AuthenticatedProvider, authenticateProviderKey } from './authenticate-provider-key.js';
export { getProvisioningRequest } from './get-provisioning-request.js';
export { type IssueProviderApiKeyInput, issueProviderApiKey } from './issue-provider-api-key.js';
export { listProviderApiKeys, type ProviderApiKeySummary } from './list-provider-api-keys.js';
export {
  type ListProvisioningQueueInput,
  listProvisioningQueue,
  type ProvisioningQueueItem,
} from './list-provisioning-queue.js';
export {
  type ListProvisioningRequestsInput,
  listProvisioningRequests,
} from './list-provisioning-requests.js';
export { PROVIDER_KEY_PREFIX } from './provider-api-key.js';
export { provisioningErrors } from './provisioning-errors.js';
export {
  type DeliveryStatus,
  deliveryStatus,
  type ProvisioningRequestView,
} from './provisioning-request-view.js';
export { type RequestProvisioningInput, requestProvisioning } from './request-provisioning.js';
export {
  type ResendProvisioningRequestInput,
  resendProvisioningRequest,
} from './resend-provisioning-request.js';
export { type RevokeProviderApiKeyInput, revokeProviderApiKey } from './revoke-provider-api-key.js';
export { PROVISIONING_REQUESTED } from './send-provisioning-request.js';
