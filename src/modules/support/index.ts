// The support module's public face: inquiries from guests and members, and the operator inbox.
export { type AddInternalNoteInput, addInternalNote } from './add-internal-note.js';
export {
  type AddedMemberMessage,
  type AddMemberMessageInput,
  addMemberMessage,
} from './add-member-message.js';
export { allocateInquiryNumber } from './allocate-inquiry-number.js';
export { type AssignInquiryInput, assignInquiry } from './assign-inquiry.js';
export { type ChangeInquiryStatusInput, changeInquiryStatus } from './change-inquiry-status.js';
export { countOpenInquiries, type OpenInquiries } from './count-open-inquiries.js';
export {
  FORM_MAXIMUM_HOURS,
  FORM_MINIMUM_SECONDS,
  type FormToken,
  issueFormToken,
  type VerifiedFormToken,
  verifyFormToken,
} from './form-token.js';
export { getInquiry, type InquiryDetail, type InquiryMessage } from './get-inquiry.js';
export {
  type GetMyInquiryInput,
  getMyInquiry,
  type MyInquiry,
  type MyInquiryMessage,
} from './get-my-inquiry.js';
export {
  type InquiryPage,
  type InquirySummary,
  type ListInquiriesInput,
  listInquiries,
} from './list-inquiries.js';
export { listMyInquiries, type MyInquirySummary } from './list-my-inquiries.js';
export type { OperatorActor } from './operator-actor.js';
export { type InquiryReply, type ReplyToInquiryInput, replyToInquiry } from './reply-to-inquiry.js';
export { MAXIMUM_LINKS, type ScreenSubmissionInput, screenSubmission } from './screen-submission.js';
export { type SubmitInquiryInput, type SubmittedInquiry, submitInquiry } from './submit-inquiry.js';
export { supportErrors } from './support-errors.js';
export {
  GUEST_LIMIT_PER_HOUR,
  takeGuestSubmissionSlot,
  UNKNOWN_ADDRESS,
} from './take-guest-submission-slot.js';
