// GET /api/admin/members/{id}: one member's profile, consent, recent sign-ins and open sessions.
import { createRoute } from '@hono/zod-openapi';
import { toDate } from '../../../domain/clock.js';
import { getMemberRecord } from '../../../modules/identity/auth-index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './admin-schemas.js';
import { adminMemberSchema, memberIdParamsSchema } from './member-schemas.js';

/** The member's record for support. */
export function adminGetMemberRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/members/{id}',
      tags: ['admin'],
      summary: 'One member',
      middleware: [requirePermission('members.read')] as const,
      request: { params: memberIdParamsSchema },
      responses: {
        200: { description: 'the member', content: { 'application/json': { schema: adminMemberSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const m = await getMemberRecord(ctx.db, {
        memberId: c.req.valid('param').id,
        now: toDate(ctx.clock.now()),
      });
      return c.json(
        {
          id: m.id,
          loginId: m.loginId,
          name: m.name,
          nameKana: m.nameKana,
          email: m.email,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
          companyName: m.companyName,
          locale: m.locale,
          confirmedAt: m.confirmedAt?.toISOString() ?? null,
          terms: { version: m.termsVersion, acceptedAt: m.termsAcceptedAt.toISOString() },
          signIns: m.signIns.map((s) => ({ at: s.at.toISOString(), outcome: s.outcome, reason: s.reason })),
          sessions: m.sessions.map((s) => ({
            createdAt: s.createdAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
            ipAddress: s.ipAddress,
            userAgent: s.userAgent,
          })),
          profile: {
            memberKind: m.memberKind,
            companyName: m.companyName,
            department: m.department,
            postalCode: m.postalCode,
            prefecture: m.prefecture,
            city: m.city,
            street: m.street,
            building: m.building,
            phone: m.phone,
            marketingOptIn: m.marketingOptIn,
          },
          secondFactor: {
            channel: m.secondFactorChannel,
            mobilePhone: m.mobilePhone,
            unusedBackupCodes: m.unusedBackupCodes,
          },
          consents: m.consents.map((x) => ({
            kind: x.kind,
            version: x.version,
            agreedAt: x.agreedAt.toISOString(),
          })),
          lock: m.lock
            ? {
                failedCount: m.lock.failedCount,
                lockedAt: m.lock.lockedAt.toISOString(),
                lockedUntil: m.lock.lockedUntil?.toISOString() ?? null,
              }
            : null,
          failedSignIns: m.failedSignIns,
        },
        200,
      );
    },
  );
}
