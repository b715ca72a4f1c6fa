// The admin API: every route under /api/admin, guarded by the operator session and the permission map.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../openapi-app.js';
import { adminAddInquiryNoteRoute } from './add-inquiry-note.js';
import { adminApproveRegistrationRoute } from './approve-registration.js';
import { adminAssignInquiryRoute } from './assign-inquiry.js';
import { adminChangeInquiryStatusRoute } from './change-inquiry-status.js';
import {
  adminAddClosureDayRoute,
  adminListClosureDaysRoute,
  adminRemoveClosureDayRoute,
} from './closure-days.js';
import { adminConfirmTotpRoute } from './confirm-totp.js';
import { adminCreateSessionRoute } from './create-session.js';
import { adminDeleteSessionRoute } from './delete-session.js';
import { adminGetInquiryRoute } from './get-inquiry.js';
import { adminGetMeRoute } from './get-me.js';
import { adminGetMemberRoute } from './get-member.js';
import { adminListInquiriesRoute } from './list-inquiries.js';
import { adminListInquiryAssigneesRoute } from './list-inquiry-assignees.js';
import { adminListMailboxRoute } from './list-mailbox.js';
import { adminListMemberSignInsRoute } from './list-member-sign-ins.js';
import { adminListMembersRoute } from './list-members.js';
import { adminListRegistrationsRoute } from './list-registrations.js';
import { adminListSmsRoute } from './list-sms.js';
import { adminRejectRegistrationRoute } from './reject-registration.js';
import { adminReplyToInquiryRoute } from './reply-to-inquiry.js';
import { adminStartTotpRoute } from './start-totp.js';
import { adminGetStoreRoute, adminUpdateStoreRoute } from './store-settings.js';
import { adminVerifyCodeRoute } from './verify-code.js';
import { adminGetMemberWithdrawalRoute, adminWithdrawMemberRoute } from './withdraw-member.js';

/** Mounts every admin route on the app. */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.route('/', adminCreateSessionRoute());
  app.route('/', adminVerifyCodeRoute());
  app.route('/', adminDeleteSessionRoute());
  app.route('/', adminGetMeRoute());
  app.route('/', adminStartTotpRoute());
  app.route('/', adminConfirmTotpRoute());
  app.route('/', adminListMailboxRoute());
  app.route('/', adminListSmsRoute());
  app.route('/', adminGetStoreRoute());
  app.route('/', adminUpdateStoreRoute());
  app.route('/', adminListClosureDaysRoute());
  app.route('/', adminAddClosureDayRoute());
  app.route('/', adminRemoveClosureDayRoute());
  app.route('/', adminListInquiriesRoute());
  app.route('/', adminGetInquiryRoute());
  app.route('/', adminAssignInquiryRoute());
  app.route('/', adminAddInquiryNoteRoute());
  app.route('/', adminReplyToInquiryRoute());
  app.route('/', adminChangeInquiryStatusRoute());
  app.route('/', adminListInquiryAssigneesRoute());
  app.route('/', adminListMembersRoute());
  app.route('/', adminGetMemberRoute());
  app.route('/', adminListMemberSignInsRoute());
  app.route('/', adminListRegistrationsRoute());
  app.route('/', adminApproveRegistrationRoute());
  app.route('/', adminRejectRegistrationRoute());
  app.route('/', adminGetMemberWithdrawalRoute());
  app.route('/', adminWithdrawMemberRoute());
}
