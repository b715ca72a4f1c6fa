// Every My Page route, read from the OpenAPI document: 401 signed out, and member A never reaches member B's data.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import {
  Browser,
  mailTo,
  memberTestPassword,
  registerAndSignIn,
  type SignedInMember,
} from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

/** One member of the test and what belongs to them. */
interface MemberFixture extends SignedInMember {
  loginId: string;
  email: string;
  inquiryId: string;
  /** An order the member placed. */
  orderId: string;
  /** The contract opened when that order's line started. */
  contractId: string;
  /** A second browser signed in as the member, whose session the session routes may end. */
  spare: Browser;
  spareSessionId: string;
  /** Strings only this member's data contains; another member's answer must hold none of them. */
  secrets: string[];
}

/**
 * How each My Page route is tried against another member. `session`: the route takes no id, so the
 * session is its only scope and member A's answer must hold none of member B's data. `path`: the route
 * names a resource; `ids` gives the path ids of a member's own resource, and A using B's ids must get 404.
 */
type MemberRouteCase =
  /** `ownData: false` for answers that carry nothing recognisably the member's (e.g. backup codes). */
  | {
      scope: 'session';
      body?: unknown;
      ownData?: boolean;
      /** Runs after member A's call, to restore what it ended (sessions signed out). */
      after?: (member: MemberFixture) => Promise<void>;
    }
  /** Session-scoped, and the body names something no member can use (another's link): refused for A. */
  | { scope: 'session-refused'; body: unknown }
  | {
      scope: 'path';
      ids: (owner: MemberFixture) => Record<string, string>;
      body?: unknown;
      /** The owner's own call may be refused by a rule of the contract's state (409), never 404. */
      ownMayBeRefused?: boolean;
    }
  /**
   * A route whose resource needs fixtures this file does not build (an issued invoice, an attached licence
   * with a machine): its cross-member case, with real data of two members, is in `test`. Here A still gets
   * 404 on ids that are not A's, and 401 without a session.
   */
  | { scope: 'elsewhere'; test: string; ids: Record<string, string> };

const memberRoutes: Record<string, MemberRouteCase> = {
  'GET /api/mypage/me': { scope: 'session' },
  'GET /api/mypage/inquiries': { scope: 'session' },
  'GET /api/mypage/inquiries/{id}': { scope: 'path', ids: (owner) => ({ id: owner.inquiryId }) },
  // The member's own password, unchanged, so the routes after it still sign in with it.
  'POST /api/mypage/password': {
    scope: 'session',
    body: { currentPassword: memberTestPassword, newPassword: memberTestPassword },
    ownData: false,
  },
  'POST /api/mypage/backup-codes/reveal': {
    scope: 'session',
    body: { password: memberTestPassword },
    ownData: false,
  },
  'POST /api/mypage/backup-codes/regenerate': {
    scope: 'session',
    body: { password: memberTestPassword },
    ownData: false,
  },
  'PATCH /api/mypage/profile': { scope: 'session', body: { marketingOptIn: true } },
  'POST /api/mypage/email-change': {
    scope: 'session',
    body: { newEmail: 'alpha.new@example.jp' },
    ownData: false,
  },
  // A link for someone else's change: refused for every member, so nothing of B's can be applied by A.
  'POST /api/mypage/email-change/confirm': { scope: 'session-refused', body: { token: 'x'.repeat(43) } },
  'GET /api/mypage/withdrawal': { scope: 'session', ownData: false },
  // A wrong password, so the member stays for the routes after it: refused, and nothing of B's is touched.
  'POST /api/mypage/withdrawal': {
    scope: 'session-refused',
    body: { password: 'Not-the-pass1!', confirm: true },
  },
  'POST /api/mypage/inquiries/{id}/messages': {
    scope: 'path',
    ids: (owner) => ({ id: owner.inquiryId }),
    body: { body: '追加で確認させてください。' },
  },
  'GET /api/mypage/sign-ins': { scope: 'session', ownData: false },
  'GET /api/mypage/sessions': { scope: 'session', ownData: false },
  // Ends A's spare session; A signs in on it again for the routes after this one.
  'POST /api/mypage/sessions/revoke-others': { scope: 'session', ownData: false, after: signInSpare },
  'POST /api/mypage/sessions/revoke-all': {
    scope: 'session',
    ownData: false,
    after: async (member) => {
      await signInOn(member, member.browser);
      await signInSpare(member);
    },
  },
  'DELETE /api/mypage/sessions/{sessionId}': {
    scope: 'path',
    ids: (owner) => ({ sessionId: owner.spareSessionId }),
  },
  // The checkout is the session's own cart, prefilled with the member's own contact.
  'GET /api/mypage/checkout': { scope: 'session' },
  // Nothing filled in: refused, and nothing of anyone's is written.
  'POST /api/mypage/checkout/confirm': { scope: 'session-refused', body: {} },
  // Without an Idempotency-Key: refused before anything runs.
  'POST /api/mypage/orders': { scope: 'session-refused', body: {} },
  'GET /api/mypage/orders': { scope: 'session' },
  // Neither member has an invoice or a licence here: the lists must show A nothing of B's (and are empty).
  'GET /api/mypage/invoices': { scope: 'session', ownData: false },
  'GET /api/mypage/invoices/{invoiceId}': {
    scope: 'elsewhere',
    test: 'test/http/billing.test.ts',
    ids: { invoiceId: 'inv_00000000-0000-7000-8000-000000000000' },
  },
  'GET /api/mypage/invoices/{invoiceId}/pdf': {
    scope: 'elsewhere',
    test: 'test/http/billing-documents.test.ts',
    ids: { invoiceId: 'inv_00000000-0000-7000-8000-000000000000' },
  },
  'GET /api/mypage/credit-notes/{creditNoteId}/pdf': {
    scope: 'elsewhere',
    test: 'test/http/billing-documents.test.ts',
    ids: { creditNoteId: 'cnt_00000000-0000-7000-8000-000000000000' },
  },
  'GET /api/mypage/licences': { scope: 'session', ownData: false },
  // A pair that names no licence: refused alike for every member, whatever it is.
  'POST /api/mypage/licences': {
    scope: 'session-refused',
    body: { registrationNumber: '1234-5678-9012', installKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' },
  },
  'DELETE /api/mypage/licences/{licenceId}/machines/{machineFingerprint}': {
    scope: 'elsewhere',
    test: 'test/http/licence-members.test.ts',
    ids: { licenceId: 'lic_00000000-0000-7000-8000-000000000000', machineFingerprint: 'any-machine' },
  },
  'GET /api/mypage/orders/{orderId}': { scope: 'path', ids: (owner) => ({ orderId: owner.orderId }) },
  'GET /api/mypage/contracts': { scope: 'session' },
  'GET /api/mypage/contracts/{contractId}': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
  'GET /api/mypage/contracts/{contractId}/cancellation-quote': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
  'GET /api/mypage/contracts/{contractId}/renewal': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
  'POST /api/mypage/contracts/{contractId}/renewal-quote': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    ownMayBeRefused: true,
    body: {},
  },
  'POST /api/mypage/contracts/{contractId}/renewals': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    ownMayBeRefused: true,
    body: {},
  },
  'PUT /api/mypage/contracts/{contractId}/next-term': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    ownMayBeRefused: true,
    body: {},
  },
  'POST /api/mypage/contracts/{contractId}/renewal-reset': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    ownMayBeRefused: true,
  },
  'PUT /api/mypage/contracts/{contractId}/payment-method': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    ownMayBeRefused: true,
    body: { method: 'card' },
  },
  'GET /api/mypage/contracts/{contractId}/cancellation': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
  // A's own application is made here and withdrawn by the next route, so A's contract ends as it began.
  'POST /api/mypage/contracts/{contractId}/cancellation': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    body: { endDate: '2026-12-31' },
  },
  'POST /api/mypage/contracts/{contractId}/cancellation/withdraw': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
  'POST /api/mypage/contracts/{contractId}/change-quote': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    body: { effectiveDate: '2026-05-01', options: [{ code: 'backup' }] },
  },
  'GET /api/mypage/contracts/{contractId}/changes/open': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
  // As for cancellations: A's own change is applied here and withdrawn by the next route.
  'POST /api/mypage/contracts/{contractId}/changes': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
    body: { effectiveDate: '2026-05-01', options: [{ code: 'backup' }] },
  },
  'POST /api/mypage/contracts/{contractId}/changes/withdraw': {
    scope: 'path',
    ids: (owner) => ({ contractId: owner.contractId }),
  },
};

/** Starts the order's line as an operator would, which opens its contract; returns the contract id. */
async function withContract(member: SignedInMember, orderId: string): Promise<string> {
  const order = (await (await member.browser.send(`/api/mypage/orders/${orderId}`, 'GET')).json()) as {
    lines: { id: string }[];
  };
  await confirmLineStart(t.ctx.db, {
    orderLineId: order.lines[0]!.id,
    serviceStartDate: '2026-04-01',
    actor: { kind: 'cli', id: 'test' },
    now: t.clock.now(),
  });
  const list = (await (await member.browser.send('/api/mypage/contracts', 'GET')).json()) as {
    contracts: { id: string }[];
  };
  return list.contracts[0]!.id;
}

/** Puts a server in the member's cart and places it through checkout; returns the order id. */
async function withOrder(member: SignedInMember): Promise<string> {
  const item = { product: 'rental-server-x10', plan: 'x10', term: '3m', options: [] };
  expect((await member.browser.send('/api/store/cart/items', 'POST', item)).status).toBe(201);
  const checkout = (await (await member.browser.send('/api/mypage/checkout', 'GET')).json()) as {
    customerContact: unknown;
    billingContact: unknown;
    lines: { itemId: string }[];
    consents: { documentKey: string; version: string }[];
  };
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: { [checkout.lines[0]!.itemId]: { server_id: 'auth-test' } },
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await member.browser.send('/api/mypage/checkout/confirm', 'POST', input);
  expect(confirmed.status).toBe(200);
  const { quote } = (await confirmed.json()) as { quote: string };
  const placed = await member.browser.send(
    '/api/mypage/orders',
    'POST',
    { ...input, quote },
    { 'idempotency-key': `order-of-${member.memberId}` },
  );
  expect(placed.status).toBe(201);
  return ((await placed.json()) as { id: string }).id;
}

const codeOf = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)?.[1];

/** The newest sign-in code mailed to an address. */
async function lastCodeMail(email: string): Promise<{ outboxId: string; code: string } | null> {
  const mails = await mailTo(t, email, 1);
  const withCode = mails.filter((m) => codeOf(m.text) !== undefined).at(-1);
  return withCode ? { outboxId: withCode.outboxId, code: codeOf(withCode.text)! } : null;
}

/** Signs the member in on a browser through the real password and mailed-code steps; returns the session id. */
async function signInOn(member: MemberFixture, browser: Browser): Promise<string> {
  const previous = await lastCodeMail(member.email);
  const res = await browser.send('/api/sessions', 'POST', {
    loginId: member.loginId,
    password: memberTestPassword,
  });
  expect(res.status).toBe(202);
  let latest = previous;
  for (let i = 0; i < 1200 && latest?.outboxId === previous?.outboxId; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    latest = await lastCodeMail(member.email);
  }
  const code = latest!.code;
  expect((await browser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
  const { sessions } = (await (await browser.send('/api/mypage/sessions', 'GET')).json()) as {
    sessions: { id: string; current: boolean }[];
  };
  return sessions.find((s) => s.current)!.id;
}

async function signInSpare(member: MemberFixture): Promise<void> {
  member.spare = new Browser(t);
  member.spareSessionId = await signInOn(member, member.spare);
}

async function documentedMemberRoutes(): Promise<string[]> {
  const doc = (await (await t.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/mypage/'))
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}

function concrete(route: string, ids: Record<string, string> = {}): [string, string] {
  const [method = '', template = ''] = route.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`${route}: the expectation gives no value for {${name}}`);
    return encodeURIComponent(id);
  });
  return [method, path];
}

function bodyOf(route: string, testCase: MemberRouteCase | undefined): unknown {
  if (route.startsWith('GET ')) return undefined;
  return testCase && 'body' in testCase ? (testCase.body ?? {}) : {};
}

/** B's secrets in an answer, apart from ids the request itself put in the path (problems echo it as `instance`). */
function leaked(text: string, path: string): string[] {
  return b.secrets.filter((secret) => !path.includes(encodeURIComponent(secret)) && text.includes(secret));
}

async function withInquiry(member: SignedInMember, subject: string): Promise<string> {
  const { token } = (await (await t.request('/api/inquiries/form-token')).json()) as { token: string };
  t.clock.advance({ seconds: 30 });
  const res = await member.browser.send('/api/inquiries', 'POST', {
    category: 'other',
    subject,
    message: `${subject}についての質問です。`,
    formToken: token,
    website: '',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let a: MemberFixture;
let b: MemberFixture;

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  const signedA = await registerAndSignIn(t, {
    loginId: 'member.alpha',
    name: '青木 一郎',
    email: 'alpha@example.jp',
  });
  const signedB = await registerAndSignIn(t, {
    loginId: 'member.bravo',
    name: '馬場 二郎',
    email: 'bravo@example.jp',
  });
  const inquiryA = await withInquiry(signedA, 'アルファの契約');
  const inquiryB = await withInquiry(signedB, 'ブラボーの請求');
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  const orderA = await withOrder(signedA);
  const orderB = await withOrder(signedB);
  const contractA = await withContract(signedA, orderA);
  const contractB = await withContract(signedB, orderB);
  a = {
    ...signedA,
    loginId: 'member.alpha',
    email: 'alpha@example.jp',
    spare: new Browser(t),
    spareSessionId: '',
    inquiryId: inquiryA,
    orderId: orderA,
    contractId: contractA,
    secrets: [
      signedA.memberId,
      'member.alpha',
      'alpha@example.jp',
      inquiryA,
      'アルファの契約',
      orderA,
      contractA,
    ],
  };
  b = {
    ...signedB,
    loginId: 'member.bravo',
    email: 'bravo@example.jp',
    spare: new Browser(t),
    spareSessionId: '',
    inquiryId: inquiryB,
    orderId: orderB,
    contractId: contractB,
    secrets: [
      contractB,
      signedB.memberId,
      'member.bravo',
      '馬場 二郎',
      'bravo@example.jp',
      inquiryB,
      'ブラボーの請求',
      orderB,
    ],
  };
  await signInSpare(a);
  await signInSpare(b);
  // B's spare session id is B's own: A must not be able to end it or learn anything through it.
  b.secrets.push(b.spareSessionId);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

/** What member B sees on every readable My Page route, to show that A's attempts changed nothing of B's. */
async function viewOf(member: MemberFixture): Promise<string[]> {
  const views: string[] = [];
  for (const [route, testCase] of Object.entries(memberRoutes)) {
    if (!route.startsWith('GET ') || testCase.scope === 'elsewhere') continue;
    const [method, path] = concrete(route, testCase.scope === 'path' ? testCase.ids(member) : {});
    views.push(`${route} ${await (await member.browser.send(path, method)).text()}`);
  }
  return views;
}

describe('authorization of every My Page route', () => {
  it('has an expectation for every /api/mypage/ route of the OpenAPI document, and no stale one', async () => {
    const documented = await documentedMemberRoutes();
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((route) => !(route in memberRoutes))).toEqual([]);
    expect(Object.keys(memberRoutes).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('answers 401 without a member session', async () => {
    for (const route of await documentedMemberRoutes()) {
      const testCase = memberRoutes[route];
      const ids =
        testCase?.scope === 'path' ? testCase.ids(b) : testCase?.scope === 'elsewhere' ? testCase.ids : {};
      const [method, path] = concrete(route, ids);
      const res = await new Browser(t).send(path, method, bodyOf(route, testCase));
      const text = await res.text();
      expect([route, res.status, (JSON.parse(text) as { code?: string }).code]).toEqual([
        route,
        401,
        'not_signed_in',
      ]);
      expect([route, leaked(text, path)]).toEqual([route, []]);
    }
  });

  it("answers 404 to member A on member B's resources and shows A nothing of B's anywhere", async () => {
    const before = await viewOf(b);
    for (const route of await documentedMemberRoutes()) {
      const testCase = memberRoutes[route];
      if (!testCase) continue;
      const body = bodyOf(route, testCase);
      if (testCase.scope === 'path') {
        const [method, path] = concrete(route, testCase.ids(b));
        const res = await a.browser.send(path, method, body);
        const text = await res.text();
        expect([route, res.status]).toEqual([route, 404]);
        expect([route, leaked(text, path)]).toEqual([route, []]);
        // The same route on A's own resource works, so the 404 above is the scoping and not a broken route.
        const [ownMethod, ownPath] = concrete(route, testCase.ids(a));
        const own = await a.browser.send(ownPath, ownMethod, body);
        const ownOk = own.status < 300 || (testCase.ownMayBeRefused === true && own.status === 409);
        expect([route, own.status, ownOk]).toEqual([route, own.status, true]);
      } else if (testCase.scope === 'elsewhere') {
        const [method, path] = concrete(route, testCase.ids);
        const res = await a.browser.send(path, method, body);
        expect([route, res.status]).toEqual([route, 404]);
        // The named file tries this route with another member's real resource.
        const prefix = (route.split(' ')[1] ?? '').split('{')[0]!;
        expect([route, readFileSync(testCase.test, 'utf8').includes(prefix)]).toEqual([route, true]);
      } else if (testCase.scope === 'session-refused') {
        const [method, path] = concrete(route);
        const res = await a.browser.send(path, method, body);
        const text = await res.text();
        expect([route, res.status >= 400 && res.status < 500]).toEqual([route, true]);
        expect([route, leaked(text, path)]).toEqual([route, []]);
      } else {
        const [method, path] = concrete(route);
        const res = await a.browser.send(path, method, body);
        const text = await res.text();
        expect([route, res.status < 300]).toEqual([route, true]);
        expect([route, leaked(text, path)]).toEqual([route, []]);
        // Some of A's own data is there, so the answer is A's and not merely empty.
        if (testCase.ownData !== false) {
          expect([route, a.secrets.some((secret) => text.includes(secret))]).toEqual([route, true]);
        }
        await testCase.after?.(a);
      }
    }
    expect(await viewOf(b)).toEqual(before);
  });
});
