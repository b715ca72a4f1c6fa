// The console home's counts over HTTP: exact numbers of new orders, waiting lines, open inquiries, registrations to review, locks and failed deliveries, each only for the roles that open its queue.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outbox, webhookEndpoints, webhookMessages } from '../../src/db/schema/notifications.js';
import { toDate } from '../../src/domain/clock.js';
import { newId } from '../../src/domain/ids.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { json, mailTo } from '../helpers/member-browser.js';
import { Browser, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let owner: SignedInOperator;
let support: SignedInOperator;
let billing: SignedInOperator;
let catalog: SignedInOperator;

function travel(iso: string): void {
  t.clock.travelTo(iso);
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel('2026-04-01T09:00:00+09:00');
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'home.owner', ['owner']);
  support = await operatorSignedIn(t, 'home.support', ['support']);
  billing = await operatorSignedIn(t, 'home.billing', ['billing']);
  catalog = await operatorSignedIn(t, 'home.catalog', ['catalog']);
});

afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

async function overview(operator: SignedInOperator): Promise<Record<string, number>> {
  const res = await operator.browser.send('/api/admin/overview', 'GET');
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, number>;
}

/** A guest inquiry, sent after the form's minimum time; returns its id. */
async function guestInquiry(subject: string): Promise<string> {
  const tokenRes = await t.request('/api/inquiries/form-token');
  const { token } = (await tokenRes.json()) as { token: string };
  t.clock.advance({ seconds: 30 });
  const res = await t.request('/api/inquiries', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
    body: JSON.stringify({
      category: 'other',
      subject,
      message: '教えてください。',
      contactName: '佐藤 一郎',
      contactEmail: 'ichiro@example.jp',
      formToken: token,
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Registers through the form and spends the mailed confirmation link: with manual review the member waits for it. */
async function registerForReview(loginId: string): Promise<void> {
  const email = `${loginId}@example.jp`;
  const res = await t.request('/api/members', json('POST', fullRegistration({ loginId, email })));
  expect(res.status).toBe(201);
  const mail = (await mailTo(t, email, 1))[0]!;
  const token = decodeURIComponent(/\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]!);
  const confirmed = await t.request('/api/members/confirm-email', json('POST', { token }));
  expect(await confirmed.json()).toMatchObject({ status: 'pending_review' });
}

/** Three wrong passwords: the threshold this test sets, so the ID is locked after them. */
async function lockMemberLoginId(loginId: string): Promise<void> {
  const guest = new Browser(t);
  for (let i = 0; i < 3; i++) {
    const res = await guest.send('/api/sessions', 'POST', { loginId, password: 'Wrong-pass-2026!' });
    expect(res.status).toBe(i < 2 ? 401 : 423);
  }
}

async function lockOperatorLoginId(loginId: string): Promise<void> {
  const guest = new Browser(t);
  for (let i = 0; i < 3; i++) {
    const res = await guest.send('/api/admin/sessions', 'POST', { loginId, password: 'Wrong-pass-2026!' });
    expect(res.status).toBe(i < 2 ? 401 : 423);
  }
}

describe('GET /api/admin/overview', () => {
  it('refuses a visitor without an operator session', async () => {
    const res = await new Browser(t).send('/api/admin/overview', 'GET');
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([
      401,
      'operator_not_signed_in',
    ]);
  });

  it('counts nothing in a store with no work, and shows each role only the counts of queues it opens', async () => {
    expect(await overview(owner)).toEqual({
      newOrders: 0,
      linesWaiting: 0,
      newInquiries: 0,
      unansweredInquiries: 0,
      registrationsToReview: 0,
      lockedLoginIds: 0,
      lockedOperators: 0,
      failedMessages: 0,
      failedWebhooks: 0,
      licenceAttachConflicts: 0,
    });
    expect(await overview(support)).toEqual({
      newOrders: 0,
      linesWaiting: 0,
      newInquiries: 0,
      unansweredInquiries: 0,
      registrationsToReview: 0,
      lockedLoginIds: 0,
      failedMessages: 0,
      failedWebhooks: 0,
      licenceAttachConflicts: 0,
    });
    expect(await overview(billing)).toEqual({ newOrders: 0, linesWaiting: 0, failedWebhooks: 0 });
    expect(await overview(catalog)).toEqual({});
  });

  it('counts the day of work exactly, and follows the queues as operators work them', async () => {
    // Orders: two new ones with three lines between them, then one line moves to preparing.
    const { memberId } = await registerAndSignIn(t, {
      loginId: 'home.member',
      name: '山田 花子',
      email: 'home.member@example.jp',
    });
    const first = await insertTestOrder(t, {
      memberId,
      lines: [
        { productSlug: 'rental-server-x10', plan: 'x10', term: '12m' },
        { productSlug: 'rental-server-x10', plan: 'x10', term: 'monthly' },
      ],
    });
    await insertTestOrder(t, {
      memberId,
      lines: [{ productSlug: 'rental-server-x10', plan: 'x10', term: '12m' }],
    });
    expect(await overview(billing)).toEqual({ newOrders: 2, linesWaiting: 3, failedWebhooks: 0 });
    const preparing = await support.browser.send(
      `/api/admin/order-lines/${first.lineIds[0]}/preparing`,
      'POST',
      {},
    );
    expect(preparing.status).toBe(200);
    // The first order is in progress now; its preparing line still waits for its start.
    expect(await overview(billing)).toEqual({ newOrders: 1, linesWaiting: 3, failedWebhooks: 0 });

    // Inquiries: three arrive; support picks one up and closes another.
    const inquiryIds = [
      await guestInquiry('請求書について'),
      await guestInquiry('契約について'),
      await guestInquiry('ログインについて'),
    ];
    const picked = await support.browser.send(`/api/admin/inquiries/${inquiryIds[1]}/status`, 'POST', {
      status: 'in_progress',
    });
    expect(picked.status).toBe(200);
    const closed = await support.browser.send(`/api/admin/inquiries/${inquiryIds[2]}/status`, 'POST', {
      status: 'closed',
      reason: '重複',
    });
    expect(closed.status).toBe(200);

    // Registrations held for review, and a lock after three wrong passwords that lifts itself after 30 minutes.
    const patched = await owner.browser.send('/api/admin/store', 'PATCH', {
      registrationReview: 'manual',
      lockoutThreshold: 3,
      lockoutMode: 'auto',
      lockoutMinutes: 30,
    });
    expect(patched.status).toBe(200);
    for (const loginId of ['review.one', 'review.two']) await registerForReview(loginId);

    // Locks: a member's login ID, an ID nobody holds (a lock says nothing of who exists), an operator's.
    await lockMemberLoginId('home.member');
    await lockOperatorLoginId('home.catalog');
    travel('2026-04-01T09:20:00+09:00');
    await lockMemberLoginId('nobody.here');

    // Deliveries that gave up, as the worker's last retry leaves them: a mail, an SMS and a webhook.
    const at = toDate(t.clock.now());
    const failedRow = (channel: 'mail' | 'sms', recipient: string) => {
      const id = newId('outbox');
      return {
        id,
        channel,
        template: 'sign_in_code',
        locale: 'ja' as const,
        recipient,
        payload: {},
        messageId: `<${id}@keiyaku.outbox>`,
        status: 'failed' as const,
        attempts: 5,
        lastError: '550 mailbox unavailable',
        createdAt: at,
      };
    };
    await t.ctx.db
      .insert(outbox)
      .values([failedRow('mail', 'gone@example.jp'), failedRow('sms', '+819012345678')]);
    const endpointId = newId('webhookEndpoint');
    await t.ctx.db.insert(webhookEndpoints).values({
      id: endpointId,
      url: 'https://provider.example/hooks',
      description: 'test endpoint',
      sealedSecret: 'sealed',
      createdAt: at,
    });
    await t.ctx.db.insert(webhookMessages).values({
      id: newId('webhookMessage'),
      endpointId,
      eventType: 'provisioning.requested',
      body: '{}',
      status: 'failed',
      attempts: 8,
      lastStatusCode: 503,
      createdAt: at,
    });

    const day = {
      newOrders: 1,
      linesWaiting: 3,
      newInquiries: 1,
      unansweredInquiries: 1,
      registrationsToReview: 2,
      lockedLoginIds: 2,
      lockedOperators: 1,
      failedMessages: 2,
      failedWebhooks: 1,
      // Counted from real refusals in licence-members.test.ts; none happen here.
      licenceAttachConflicts: 0,
    };
    expect(await overview(owner)).toEqual(day);
    const { lockedOperators: _ownerOnly, ...supportDay } = day;
    expect(await overview(support)).toEqual(supportDay);
    expect(await overview(billing)).toEqual({ newOrders: 1, linesWaiting: 3, failedWebhooks: 1 });
    expect(await overview(catalog)).toEqual({});

    // 35 minutes after the first locks, they have lifted themselves; the later member lock holds for 15 more.
    travel('2026-04-01T09:35:00+09:00');
    expect(await overview(owner)).toEqual({ ...day, lockedLoginIds: 1, lockedOperators: 0 });
  });
});
