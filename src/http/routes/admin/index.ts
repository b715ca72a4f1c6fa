// The admin API: every route under /api/admin, guarded by the operator session and the permission map.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../openapi-app.js';
import { adminAddInquiryNoteRoute } from './add-inquiry-note.js';
import { adminAssignInquiryRoute } from './assign-inquiry.js';
import {
  adminChangeProductStatusRoute,
  adminCreateProductRoute,
  adminGetProductRoute,
  adminListProductsRoute,
  adminUpdateProductRoute,
} from './catalog-products.js';
import {
  adminCreateProviderRoute,
  adminListProvidersRoute,
  adminUpdateProviderRoute,
} from './catalog-providers.js';
import { adminListTermsDocumentsRoute, adminPublishTermsDocumentRoute } from './catalog-terms-documents.js';
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
import { adminListMailboxRoute } from './list-mailbox.js';
import { adminListMembersRoute } from './list-members.js';
import { adminReplyToInquiryRoute } from './reply-to-inquiry.js';
import { adminStartTotpRoute } from './start-totp.js';
import { adminGetStoreRoute, adminUpdateStoreRoute } from './store-settings.js';
import { adminVerifyCodeRoute } from './verify-code.js';

/** Mounts every admin route on the app. */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.route('/', adminCreateSessionRoute());
  app.route('/', adminVerifyCodeRoute());
  app.route('/', adminDeleteSessionRoute());
  app.route('/', adminGetMeRoute());
  app.route('/', adminStartTotpRoute());
  app.route('/', adminConfirmTotpRoute());
  app.route('/', adminListMailboxRoute());
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
  app.route('/', adminListMembersRoute());
  app.route('/', adminGetMemberRoute());
  app.route('/', adminListProvidersRoute());
  app.route('/', adminCreateProviderRoute());
  app.route('/', adminUpdateProviderRoute());
  app.route('/', adminListProductsRoute());
  app.route('/', adminCreateProductRoute());
  app.route('/', adminGetProductRoute());
  app.route('/', adminUpdateProductRoute());
  app.route('/', adminChangeProductStatusRoute());
  app.route('/', adminListTermsDocumentsRoute());
  app.route('/', adminPublishTermsDocumentRoute());
}
