// GET /api/inquiries/form-token: the signed, single-use token the inquiry form sends back with its submission.
import { createRoute, z } from '@hono/zod-openapi';
import { issueFormToken } from '../../../modules/support/index.js';
import { createRouter } from '../../openapi-app.js';

const formTokenSchema = z
  .object({
    token: z
      .string()
      .openapi({ description: 'sends one inquiry; a second submission with it is form_token_used (409)' }),
    notBefore: z.string().openapi({ description: 'the form may be sent from this instant on' }),
    expiresAt: z.string().openapi({ description: 'after this instant the form needs a new token' }),
    honeypotField: z
      .literal('website')
      .openapi({ description: 'leave this field empty; hide it from people' }),
  })
  .openapi('InquiryFormToken');

/** A fresh form token; it carries no identity, so guests and members get the same kind. */
export function getInquiryFormTokenRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/inquiries/form-token',
      tags: ['inquiries'],
      summary: 'Token for the inquiry form',
      responses: {
        200: {
          description: 'a token to send back with the inquiry',
          content: { 'application/json': { schema: formTokenSchema } },
        },
      },
    }),
    (c) => {
      const ctx = c.get('ctx');
      const secret = ctx.config.secret;
      if (!secret)
        throw new Error('inquiry form tokens need config.secret; resolveSecret runs before the app');
      const issued = issueFormToken(secret, ctx.clock.now());
      return c.json(
        {
          token: issued.token,
          notBefore: issued.notBefore.toString(),
          expiresAt: issued.expiresAt.toString(),
          honeypotField: 'website' as const,
        },
        200,
        { 'cache-control': 'no-store' },
      );
    },
  );
}
