// Shared OpenAPI schemas of the My Page backup-code routes.
import { z } from '@hono/zod-openapi';

export const passwordConfirmationSchema = z
  .object({ password: z.string().min(1).max(1024) })
  .openapi('PasswordConfirmation');

export const backupCodeListSchema = z
  .object({
    codes: z.array(
      z
        .object({ code: z.string().openapi({ example: 'k7m2p-q9xw3' }), used: z.boolean() })
        .openapi('BackupCode'),
    ),
  })
  .openapi('BackupCodeList');
