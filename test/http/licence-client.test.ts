// The example client of docs/licences.md (examples/licence-client.mjs) run as a vendor would, against a listening keiyaku: it verifies real answers with node:crypto and exits by the verdict.
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts } from '../../src/db/schema/contracts.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { businessDateAt } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const run = promisify(execFile);

let t: TestApp;
let server: ReturnType<typeof serve>;
let url: string;
let registrationNumber: string;
let installKey: string;
let termEnd: string;

/** Runs the example; resolves with its exit code and output whatever the code. */
async function client(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['examples/licence-client.mjs', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // The client checks the answer's lifetime against its own clock: the store's clock starts at the real time.
  t = await createTestApp({ clockStart: new Date().toISOString() });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  const owner = await operatorSignedIn(t, 'client.owner', ['owner']);
  const { memberId } = await registerAndSignIn(t, {
    loginId: 'client-member',
    name: '例示 次郎',
    email: 'client@example.jp',
  });
  const order = await insertTestOrder(t, {
    memberId,
    paymentMethod: 'card',
    lines: [{ productSlug: 'mirai-accounting-desktop', plan: 'download', term: '12m' }],
  });
  const started = await owner.browser.send(`/api/admin/order-lines/${order.lineIds[0]}/start`, 'POST', {
    serviceStartDate: businessDateAt(t.clock.now()).toString(),
  });
  expect(started.status).toBe(200);
  const [contract] = await t.ctx.db
    .select({ number: contracts.number, currentTermEnd: contracts.currentTermEnd })
    .from(contracts)
    .where(eq(contracts.orderLineId, order.lineIds[0]!));
  const [mail] = await t.ctx.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'licence-issued'))
    .orderBy(asc(outbox.id));
  expect(mail!.payload.contractNumber).toBe(contract!.number);
  termEnd = contract!.currentTermEnd;
  registrationNumber = mail!.payload.registrationNumber as string;
  installKey = mail!.payload.installKey as string;
  // As `keiyaku start` serves the app: a real socket, requests without an Origin.
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('examples/licence-client.mjs', () => {
  it('verifies a valid answer with the published key and exits 0', async () => {
    const result = await client(url, registrationNumber, installKey, '2026.2.0');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      code: 'valid',
      valid: true,
      mayStart: true,
      edition: 'download',
      registrationNumber,
    });
    expect([answer.validUntil, answer.updatesAllowedUntil]).toEqual([termEnd, termEnd]);
  });

  it('exits 1 with a verified not_found for a wrong key', async () => {
    const result = await client(url, registrationNumber, 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ code: 'not_found', mayStart: false });
  });
});
