// The identity-check record an operator states in the body of an unlock or a second-factor reset.
import { z } from '@hono/zod-openapi';
import { identityCheckMethods } from '../../../modules/audit/index.js';
import { multilineText } from '../../input-text-guard.js';

export const identityCheckSchema = z
  .object({
    method: z.enum(identityCheckMethods).openapi({
      description:
        'how the person was confirmed: a call back to the registered number, a reply from the registered address, an identity document, or otherwise (say how in the note)',
    }),
    note: multilineText(
      z
        .string()
        .trim()
        .min(1)
        .max(1000)
        .openapi({ example: '登録電話番号へ折り返し、生年月日と登録住所を確認' }),
    ),
  })
  .openapi('IdentityCheck');

/** The body of every action that needs an identity check first. */
export const identityCheckBodySchema = z
  .object({ identityCheck: identityCheckSchema })
  .openapi('IdentityCheckBody');
