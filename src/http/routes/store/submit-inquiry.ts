// POST /api/inquiries: a guest or a signed-in member sends an inquiry and is mailed a receipt.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { AppError } from '../../../domain/errors.js';
import {
  contactPhoneSchema,
  inquiryContactEmailSchema,
  inquiryContactNameSchema,
  inquiryMessageSchema,
  inquirySubjectSchema,
} from '../../../domain/forms/inquiry-fields.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { submitInquiry } from '../../../modules/support/index.js';
import { clientAddress } from '../../client-address.js';
import { multilineText } from '../../input-text-guard.js';
import { createRouter } from '../../openapi-app.js';
import { preferredLocale } from '../../problem.js';
import { problem } from './identity-schemas.js';
import { inquiryCategorySchema, inquiryNumberSchema, inquiryStatusSchema } from './inquiry-schemas.js';

const inquiryFormSchema = z
  .object({
    category: inquiryCategorySchema,
    subject: inquirySubjectSchema.openapi({ example: 'ログインIDを忘れました' }),
    message: multilineText(inquiryMessageSchema),
    contactName: inquiryContactNameSchema.optional().openapi({
      description: 'required for guests; a member’s profile name when omitted',
      example: '山田 花子',
    }),
    contactEmail: inquiryContactEmailSchema.optional().openapi({
      description: 'required for guests; a member’s contact email when omitted',
      example: 'hanako@example.jp',
    }),
    contactPhone: contactPhoneSchema.optional().openapi({ example: '03-1234-5678' }),
    formToken: z.string().min(1).max(200),
    website: z.string().max(500).optional().openapi({ description: 'the honeypot: must stay empty' }),
  })
  .openapi('InquiryForm');

const submittedSchema = z
  .object({
    id: z.string(),
    number: inquiryNumberSchema,
    status: inquiryStatusSchema,
    createdAt: z.string(),
  })
  .openapi('SubmittedInquiry');

async function signedInMemberId(ctx: AppContext, headers: Headers): Promise<string | null> {
  try {
    return await requireMemberId(ctx, headers);
  } catch (error) {
    // A session past its timeout has just been ended: the sender is a guest now, as after signing out.
    if (error instanceof AppError && (error.code === 'not_signed_in' || error.code === 'session_expired'))
      return null;
    throw error;
  }
}

/** The inquiry form's submission; spam screening first, then the guest limit, then the inquiry. */
export function submitInquiryRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/inquiries',
      tags: ['inquiries'],
      summary: 'Send an inquiry',
      request: { body: { required: true, content: { 'application/json': { schema: inquiryFormSchema } } } },
      responses: {
        201: {
          description: 'received; a receipt mail with the inquiry number is on its way',
          content: { 'application/json': { schema: submittedSchema } },
        },
        409: problem(
          'the form token was already used for an inquiry (form_token_used): each token sends once',
        ),
        422: problem(
          'a field is invalid, the form token is bad, too fast or too old, or the text looks like spam',
        ),
        429: problem('too many guest inquiries from this address in the last hour'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const secret = ctx.config.secret;
      if (!secret)
        throw new Error('inquiry form tokens need config.secret; resolveSecret runs before the app');
      const submitted = await submitInquiry(ctx.db, {
        category: body.category,
        subject: body.subject,
        message: body.message,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        contactPhone: body.contactPhone,
        memberId: await signedInMemberId(ctx, c.req.raw.headers),
        locale: preferredLocale(c.req.header('accept-language')),
        formToken: body.formToken,
        honeypot: body.website ?? '',
        secret,
        clientAddress: clientAddress(c, ctx.config.trustProxy),
        requestId: c.get('requestId'),
        now: ctx.clock.now(),
      });
      return c.json({ ...submitted, createdAt: submitted.createdAt.toISOString() }, 201);
    },
  );
}
