// Every audit entry written while serving a request records the client's address and browser.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { addClosureDay } from '../../src/modules/store/index.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('audit origin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    await t.startWorker();
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps the address and user agent of the request that made the change', async () => {
    const owner = await operatorSignedIn(t, 'audit-owner', ['owner']);
    const res = await owner.browser.send(
      '/api/admin/store',
      'PATCH',
      { phone: '03-1234-5678' },
      {
        'x-forwarded-for': '203.0.113.7, 10.0.0.1',
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0',
      },
    );
    expect(res.status).toBe(200);
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'store.settings.update'), eq(auditLog.actorId, owner.operatorId)))
      .orderBy(desc(auditLog.at));
    expect(entry!.ipAddress).toBe('203.0.113.7');
    expect(entry!.userAgent).toBe('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0');
    expect(entry!.requestId).toEqual(expect.any(String));
  });

  it('leaves them empty for changes made outside a request', async () => {
    await addClosureDay(t.ctx.db, {
      day: '2026-08-14',
      reason: '夏季休業',
      actor: { kind: 'cli', id: null },
      now: t.clock.now(),
    });
    const [entry] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorKind, 'cli'))
      .orderBy(desc(auditLog.at));
    expect(entry!.ipAddress).toBeNull();
    expect(entry!.userAgent).toBeNull();
  });
});
