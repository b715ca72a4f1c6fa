// Shared OpenAPI schemas of the member identity routes.
import { z } from '@hono/zod-openapi';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    messages: z.object({ ja: z.string(), en: z.string() }),
    instance: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string(),
          message: z.object({ ja: z.string(), en: z.string() }),
        }),
      )
      .optional(),
    orderNumber: z.string().optional().openapi({
      description: 'checkout_already_ordered: the number of the order this checkout already made',
    }),
  })
  .openapi('Problem');

/** A problem response entry for `responses`. */
export function problem(description: string) {
  return { description, content: { 'application/problem+json': { schema: problemSchema } } };
}

export const loginIdSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only')
  .openapi({ example: 'hanako.yamada' });
