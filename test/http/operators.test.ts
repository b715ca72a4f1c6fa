// Operator accounts through HTTP: sign-in with a mailed code or an authenticator app, roles on every admin route, no member cookie ever admitted.
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { operatorAccount, operators } from '../../src/db/schema/operators.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import {
  createOperator,
  type OperatorRole,
  operatorRoleNames,
  rolesFor,
} from '../../src/modules/operators/index.js';
import { mailTo as waitForMails } from '../helpers/member-session.js';
import { fullRegistration, TEST_PASSWORD } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const password = 'Adm1n-pass-2026!';

/** Cookie jar of one browser: keeps what Set-Cookie says, drops what it expires. */
class Browser {
  private jar = new Map<string, string>();
  take(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value.join('=') === '') this.jar.delete(name.trim());
      else this.jar.set(name.trim(), value.join('='));
    }
    return res;
  }
  get(name: string): string | undefined {
    return this.jar.get(name);
  }
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async send(path: string, method: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.take(
      await t.request(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }
}

const mailTo = (to: string, count: number) => waitForMails(t, to, count);

const codeIn = (text: string) => /(?:コード|code is): (\d{6})/.exec(text)?.[1];

async function mailCount(to: string): Promise<number> {
  return (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === to).length;
}

async function newOperator(loginId: string, roles: OperatorRole[]): Promise<string> {
  const created = await createOperator(t.ctx.db, {
    loginId,
    displayName: `${loginId} さん`,
    email: `${loginId.toLowerCase()}@staff.example.jp`,
    roles,
    password,
    actor: { kind: 'cli', id: 'test' },
    now: t.clock.now(),
  });
  return created.operatorId;
}

/** Signs an operator in with the password and the mailed code. */
async function signedIn(loginId: string): Promise<Browser> {
  const browser = new Browser();
  const email = `${loginId.toLowerCase()}@staff.example.jp`;
  const before = await mailCount(email);
  const res = await browser.send('/api/admin/sessions', 'POST', { loginId, password });
  expect(res.status).toBe(202);
  expect(await res.json()).toEqual({ status: 'second_factor_required', method: 'email' });
  const mail = (await mailTo(email, before + 1))[before]!;
  const verified = await browser.send('/api/admin/sessions/verify-code', 'POST', { code: codeIn(mail.text) });
  expect(verified.status).toBe(200);
  return browser;
}

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(Number.parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), written from the RFC rather than taken from the server's library. */
function totp(key: Buffer, at: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

describe('the TOTP helper of this test', () => {
  it('matches the RFC 6238 test vector (SHA-1, T = 59 s)', () => {
    expect(totp(Buffer.from('12345678901234567890'), 59_000)).toBe('287082');
  });
});

describe('operator sign-in', () => {
  it('signs in with password and mailed code, reads /api/admin/me, signs out; every step audited', async () => {
    const operatorId = await newOperator('Sato.Owner', ['owner']);
    const [account] = await t.ctx.db
      .select()
      .from(operatorAccount)
      .where(eq(operatorAccount.userId, operatorId));
    expect(operatorId).toMatch(/^opr_/);
    expect(account!.password).toMatch(/^\$argon2id\$/);

    const browser = new Browser();
    const wrong = await browser.send('/api/admin/sessions', 'POST', {
      loginId: 'sato.owner',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).code).toBe('invalid_credentials');

    const res = await browser.send('/api/admin/sessions', 'POST', { loginId: 'sato.owner', password });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'second_factor_required', method: 'email' });
    expect(browser.get('keiyaku_admin.two_factor')).toBeDefined();
    expect(browser.cookie).not.toContain('session_token');
    expect((await browser.send('/api/admin/me', 'GET')).status).toBe(401);

    const [mail] = await mailTo('sato.owner@staff.example.jp', 1);
    expect(mail!.subject).toBe('【keiyaku デモストア】管理画面ログイン確認コード');
    const bad = await browser.send('/api/admin/sessions/verify-code', 'POST', { code: '000000' });
    expect(bad.status).toBe(401);
    const verified = await browser.send('/api/admin/sessions/verify-code', 'POST', {
      code: codeIn(mail!.text),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ status: 'signed_in', operatorId, method: 'email' });
    const sessionCookie = verified.headers
      .getSetCookie()
      .find((c) => c.startsWith('keiyaku_admin.session_token='))!;
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Path=\/api\/admin/i);

    const me = await browser.send('/api/admin/me', 'GET');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      id: operatorId,
      loginId: 'Sato.Owner',
      displayName: 'Sato.Owner さん',
      email: 'sato.owner@staff.example.jp',
      locale: 'ja',
      roles: ['owner'],
      totpEnabled: false,
    });
    // The operator session is not a member session either.
    expect((await browser.send('/api/mypage/me', 'GET')).status).toBe(401);

    expect((await browser.send('/api/admin/sessions/current', 'DELETE')).status).toBe(204);
    const after = await browser.send('/api/admin/me', 'GET');
    expect(after.status).toBe(401);
    expect((await after.json()).code).toBe('operator_not_signed_in');

    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, operatorId))).map(
      (row) => [row.action, row.actorKind],
    );
    expect(actions).toEqual([
      ['operator.created', 'cli'],
      ['operator.sign_in_failed', 'operator'],
      ['operator.sign_in_code_sent', 'operator'],
      ['operator.sign_in_code_failed', 'operator'],
      ['operator.signed_in', 'operator'],
      ['operator.signed_out', 'operator'],
    ]);
  });

  it('enrols an authenticator app, then signs in with its code and mails nothing', async () => {
    const operatorId = await newOperator('totp.user', ['support']);
    const browser = await signedIn('totp.user');
    const wrongPassword = await browser.send('/api/admin/me/totp', 'POST', { password: 'wrong' });
    expect(wrongPassword.status).toBe(401);
    const started = await browser.send('/api/admin/me/totp', 'POST', { password });
    expect(started.status).toBe(201);
    const { totpUri } = (await started.json()) as { totpUri: string };
    // The app shows the login ID the operator types, not the internal address better-auth keeps.
    expect(totpUri).toMatch(/^otpauth:\/\/totp\/keiyaku%20admin:totp\.user\?/);
    expect(totpUri).not.toContain('keiyaku.invalid');
    const uri = new URL(totpUri);
    const key = base32Decode(uri.searchParams.get('secret')!);

    // Until confirmed, the app does not count: sign-in still mails a code.
    expect(await (await browser.send('/api/admin/me', 'GET')).json()).toMatchObject({ totpEnabled: false });
    // A wrong first code is bad input from a signed-in operator (422 on the field), not a lost session (401).
    const wrongCode = await browser.send('/api/admin/me/totp/confirm', 'POST', { code: '000000' });
    expect(wrongCode.status).toBe(422);
    expect(await wrongCode.json()).toMatchObject({
      code: 'invalid_code',
      errors: [{ path: 'code', code: 'invalid_code' }],
    });
    expect(await (await browser.send('/api/admin/me', 'GET')).json()).toMatchObject({ totpEnabled: false });
    const confirmed = await browser.send('/api/admin/me/totp/confirm', 'POST', {
      code: totp(key, Date.now()),
    });
    expect(confirmed.status).toBe(204);
    expect(await (await browser.send('/api/admin/me', 'GET')).json()).toMatchObject({ totpEnabled: true });
    expect((await browser.send('/api/admin/sessions/current', 'DELETE')).status).toBe(204);

    const mailsBefore = await mailCount('totp.user@staff.example.jp');
    const next = new Browser();
    const res = await next.send('/api/admin/sessions', 'POST', { loginId: 'totp.user', password });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'second_factor_required', method: 'totp' });
    const verified = await next.send('/api/admin/sessions/verify-code', 'POST', {
      code: totp(key, Date.now()),
    });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toEqual({ status: 'signed_in', operatorId, method: 'totp' });
    expect((await next.send('/api/admin/me', 'GET')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailCount('totp.user@staff.example.jp')).toBe(mailsBefore);

    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, operatorId))).map(
      (row) => row.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'operator.totp_enrolment_started',
        'operator.totp_enabled',
        'operator.sign_in_totp_required',
      ]),
    );
  });

  it('refuses a disabled operator like a wrong password, and ends its open session', async () => {
    const operatorId = await newOperator('leaver', ['billing']);
    const browser = await signedIn('leaver');
    expect((await browser.send('/api/admin/me', 'GET')).status).toBe(200);
    await t.ctx.db.update(operators).set({ status: 'disabled' }).where(eq(operators.id, operatorId));
    expect((await browser.send('/api/admin/me', 'GET')).status).toBe(401);
    const res = await new Browser().send('/api/admin/sessions', 'POST', { loginId: 'leaver', password });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('invalid_credentials');
  });

  it('refuses a duplicate login ID in any case', async () => {
    await newOperator('dup.op', ['catalog']);
    await expect(newOperator('DUP.op', ['owner'])).rejects.toMatchObject({ code: 'operator_login_id_taken' });
  });
});

/** `public` routes are the sign-in steps; every other admin route names the roles its action allows. */
type Expectation = { access: 'public' } | { access: OperatorRole[]; body?: unknown };

const adminRoutes: Record<string, Expectation> = {
  'POST /api/admin/sessions': { access: 'public' },
  'POST /api/admin/sessions/verify-code': { access: 'public' },
  'DELETE /api/admin/sessions/current': { access: 'public' },
  'GET /api/admin/me': { access: rolesFor('account.self') },
  'GET /api/admin/overview': { access: rolesFor('overview.read') },
  'GET /api/admin/test-clock': { access: rolesFor('test_clock.read') },
  'POST /api/admin/test-clock': {
    access: rolesFor('test_clock.move'),
    body: { to: '2026-05-01T09:00:00+09:00' },
  },
  'POST /api/admin/me/totp': { access: rolesFor('account.self'), body: { password } },
  'POST /api/admin/me/totp/confirm': { access: rolesFor('account.self'), body: { code: '123456' } },
  'GET /api/admin/mailbox': { access: ['owner', 'support'] },
  'GET /api/admin/deliveries/failed': { access: rolesFor('deliveries.read') },
  'POST /api/admin/deliveries/{kind}/{id}/retry': { access: rolesFor('deliveries.retry') },
  'GET /api/admin/sms': { access: ['owner', 'support'] },
  'GET /api/admin/store': { access: ['owner'] },
  'PATCH /api/admin/store': { access: ['owner'], body: { businessHours: '平日 10:00〜17:00' } },
  'GET /api/admin/closure-days': { access: ['owner'] },
  'GET /api/admin/billing-profiles': { access: ['owner', 'billing'] },
  'GET /api/admin/billing-profiles/{code}': { access: ['owner', 'billing'] },
  'PUT /api/admin/billing-profiles/{code}': {
    access: ['owner', 'billing'],
    body: {
      name: '役割確認',
      effectiveFrom: '2026-05',
      rules: {
        closing: 'month_end',
        reflectionDay: 15,
        directDebit: { day: 20 },
        bankTransfer: { sendDay: 25, dueAfterDays: 30 },
        agency: { closings: ['twentieth'] },
      },
    },
  },
  'GET /api/admin/billing-profiles/{code}/schedule': { access: ['owner', 'billing'] },
  'POST /api/admin/closure-days': { access: ['owner'], body: { day: '2026-05-07', reason: '棚卸し' } },
  'DELETE /api/admin/closure-days/{day}': { access: ['owner'] },
  'GET /api/admin/inquiries': { access: ['owner', 'support'] },
  'GET /api/admin/inquiries/{id}': { access: ['owner', 'support'] },
  'POST /api/admin/inquiries/{id}/assign': { access: ['owner', 'support'], body: { operatorId: null } },
  'POST /api/admin/inquiries/{id}/notes': { access: ['owner', 'support'], body: { body: '確認中です' } },
  'POST /api/admin/inquiries/{id}/replies': { access: ['owner', 'support'], body: { body: '回答です' } },
  'POST /api/admin/inquiries/{id}/status': { access: ['owner', 'support'], body: { status: 'closed' } },
  'GET /api/admin/inquiry-assignees': { access: ['owner', 'support'] },
  'GET /api/admin/members': { access: ['owner', 'support'] },
  'GET /api/admin/members/{id}': { access: ['owner', 'support'] },
  'GET /api/admin/members/{memberId}/sign-ins': { access: ['owner', 'support'] },
  'GET /api/admin/registrations': { access: ['owner', 'support'] },
  'POST /api/admin/registrations/{id}/approve': { access: ['owner', 'support'] },
  'POST /api/admin/registrations/{id}/reject': {
    access: ['owner', 'support'],
    body: { reason: '確認できず' },
  },
  'GET /api/admin/members/{id}/withdrawal': { access: ['owner', 'support'] },
  'POST /api/admin/members/{id}/withdraw': { access: ['owner', 'support'], body: { reason: 'ご依頼' } },
  'GET /api/admin/mailbox/{id}': { access: ['owner', 'support'] },
  'POST /api/admin/members/{id}/unlock': {
    access: ['owner', 'support'],
    body: { identityCheck: { method: 'phone_callback', note: '折り返し確認' } },
  },
  'POST /api/admin/login-ids/unlock': {
    access: ['owner', 'support'],
    body: { loginId: 'not-locked-id', identityCheck: { method: 'other', note: '問い合わせ対応' } },
  },
  'POST /api/admin/members/{id}/second-factor/reset': {
    access: ['owner', 'support'],
    body: { identityCheck: { method: 'document', note: '本人確認書類' } },
  },
  'GET /api/admin/operators': { access: ['owner'] },
  'POST /api/admin/operators': {
    access: ['owner'],
    body: {
      loginId: 'made-by-role-table',
      displayName: '表 太郎',
      email: 'table@staff.example.jp',
      roles: ['catalog'],
    },
  },
  'PUT /api/admin/operators/{id}/roles': { access: ['owner'], body: { roles: ['support'] } },
  'POST /api/admin/operators/{id}/disable': { access: ['owner'], body: {} },
  'POST /api/admin/operators/{id}/enable': { access: ['owner'], body: {} },
  'POST /api/admin/operators/{id}/unlock': {
    access: ['owner'],
    body: { identityCheck: { method: 'phone_callback', note: '折り返し確認' } },
  },
  'POST /api/admin/operators/{id}/totp/reset': {
    access: ['owner'],
    body: { identityCheck: { method: 'phone_callback', note: '折り返し確認' } },
  },
  'GET /api/admin/catalog/providers': { access: ['owner', 'catalog'] },
  'POST /api/admin/catalog/providers': {
    access: ['owner', 'catalog'],
    body: {
      slug: 'role-check',
      nameJa: '権限確認',
      nameEn: 'Role check',
      contactEmails: ['role@example.jp'],
    },
  },
  'PATCH /api/admin/catalog/providers/{id}': { access: ['owner', 'catalog'], body: { nameEn: 'Renamed' } },
  'GET /api/admin/catalog/products': { access: ['owner', 'catalog'] },
  'POST /api/admin/catalog/products': { access: ['owner', 'catalog'], body: { slug: 'role-check' } },
  'GET /api/admin/catalog/products/{id}': { access: ['owner', 'catalog'] },
  'PUT /api/admin/catalog/products/{id}': { access: ['owner', 'catalog'], body: { slug: 'role-check' } },
  'POST /api/admin/catalog/products/{id}/status': {
    access: ['owner', 'catalog'],
    body: { status: 'published' },
  },
  'POST /api/admin/catalog/providers/{id}/webhook-secret': { access: ['owner', 'catalog'] },
  'GET /api/admin/catalog/providers/{id}/api-keys': { access: ['owner', 'catalog'] },
  'POST /api/admin/catalog/providers/{id}/api-keys': {
    access: ['owner', 'catalog'],
    body: { label: '権限確認' },
  },
  'POST /api/admin/catalog/providers/{id}/api-keys/{keyId}/revoke': { access: ['owner', 'catalog'] },
  'GET /api/admin/orders': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/orders/{id}': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/provisioning-queue': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/order-lines/{id}/preparing': { access: ['owner', 'support'] },
  'POST /api/admin/order-lines/{id}/start': {
    access: ['owner', 'support'],
    body: { serviceStartDate: '2026-04-15' },
  },
  'POST /api/admin/order-lines/{id}/reject': { access: ['owner', 'support'], body: { reason: '在庫なし' } },
  'POST /api/admin/order-lines/{id}/start-date': {
    access: ['owner', 'support'],
    body: { serviceStartDate: '2026-04-20' },
  },
  'POST /api/admin/provisioning-requests/{id}/resend': { access: ['owner', 'support'] },
  'GET /api/admin/contracts': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/contracts/{id}': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/contracts/{id}/suspend': {
    access: ['owner', 'support', 'billing'],
    body: { reason: '未払い' },
  },
  'POST /api/admin/contracts/{id}/resume': {
    access: ['owner', 'support', 'billing'],
    body: { reason: '入金確認' },
  },
  'GET /api/admin/contracts/{id}/renewals': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/contracts/{id}/renewals/{renewalId}/payment': {
    access: ['owner', 'billing'],
    body: { reason: '入金確認' },
  },
  'GET /api/admin/contract-requests': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/billing-runs': { access: ['owner', 'support', 'billing'] },
  // A dry run: the close computes and saves nothing, so each permitted role may run it here.
  'POST /api/admin/billing-runs': { access: ['owner', 'billing'], body: { month: '2026-04', dryRun: true } },
  'POST /api/admin/members/{memberId}/billing-adjustments': {
    access: ['owner', 'billing'],
    body: { amount: -500, descriptionJa: '値引き', descriptionEn: 'Discount', reason: '権限の確認' },
  },
  'GET /api/admin/invoices': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/invoices/{invoiceId}': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/invoices/{invoiceId}/payments': {
    access: ['owner', 'billing'],
    body: { amount: 100, receivedOn: '2026-04-01', method: 'bank_transfer' },
  },
  'POST /api/admin/invoices/{invoiceId}/write-offs': {
    access: ['owner', 'billing'],
    body: { reason: '回収不能' },
  },
  'POST /api/admin/invoices/{invoiceId}/refunds': { access: ['owner', 'billing'], body: { note: '返金' } },
  'GET /api/admin/invoices/{invoiceId}/ledger': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/members/{id}/ledger': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/members/{id}/credit-applications': { access: ['owner', 'billing'] },
  'GET /api/admin/payments/flagged': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/invoices/{invoiceId}/pdf': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/invoices/{invoiceId}/credit-notes': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/invoices/{invoiceId}/credit-notes': {
    access: ['owner', 'billing'],
    body: { reason: '権限確認' },
  },
  'GET /api/admin/credit-notes/{creditNoteId}/pdf': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/billing-documents': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/invoices/export': { access: ['owner', 'support', 'billing'] },
  'POST /api/admin/licences/signing-keys/rotate': { access: ['owner'], body: {} },
  'POST /api/admin/licences/{id}/install-key': { access: ['owner', 'support'], body: { reason: null } },
  'GET /api/admin/licences': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/licences/products': { access: ['owner', 'support'] },
  'GET /api/admin/licences/{id}': { access: ['owner', 'support', 'billing'] },
  'GET /api/admin/licences/{id}/validations': { access: ['owner', 'support', 'billing'] },
  'DELETE /api/admin/licences/{id}/machines/{machineFingerprint}': {
    access: ['owner', 'support'],
    body: { reason: '端末の故障' },
  },
  // A JSON body is refused as 415 (or the missing query as 422) once past the role check.
  'POST /api/admin/licences/import': { access: ['owner', 'support'], body: {} },
  'POST /api/admin/contract-requests/{id}/confirm': { access: ['owner', 'support'], body: {} },
  'GET /api/admin/catalog/terms-documents': { access: ['owner', 'catalog'] },
  'POST /api/admin/catalog/terms-documents': {
    access: ['owner', 'catalog'],
    body: { key: 'role-check', version: '1', titleJa: '規約', titleEn: 'Terms', bodyJa: '本文' },
  },
};

async function documentedAdminRoutes(): Promise<string[]> {
  const doc = (await (await t.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/admin/'))
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
}

function concrete(route: string): [string, string] {
  const [method = '', path = ''] = route.split(' ');
  // Ids that name nothing: a permitted role gets 404, which proves it got past the guard.
  return [
    method,
    path
      .replace('{day}', '2026-08-13')
      .replace('{code}', 'unknown-profile')
      .replace('{kind}', 'message')
      .replace('{id}', 'unknown_0000')
      .replace('{invoiceId}', 'unknown_0000')
      .replace('{creditNoteId}', 'unknown_0000')
      .replace('{memberId}', 'unknown_0000')
      .replace('{keyId}', 'unknown_0000'),
  ];
}

describe('roles on every admin route', () => {
  let browsers: Record<OperatorRole, Browser>;
  beforeAll(async () => {
    for (const role of operatorRoleNames) await newOperator(`role-${role}`, [role]);
    browsers = {
      owner: await signedIn('role-owner'),
      billing: await signedIn('role-billing'),
      support: await signedIn('role-support'),
      catalog: await signedIn('role-catalog'),
    };
  });

  it('has an expectation for every admin route of the OpenAPI document, and no stale one', async () => {
    const documented = await documentedAdminRoutes();
    expect(documented.filter((route) => !(route in adminRoutes))).toEqual([]);
    expect(Object.keys(adminRoutes).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('answers 401 without an operator session and 403 to a role without the permission', async () => {
    for (const route of await documentedAdminRoutes()) {
      const expectation = adminRoutes[route];
      if (!expectation || expectation.access === 'public') continue;
      const [method, path] = concrete(route);
      const anonymous = await new Browser().send(path, method, method === 'GET' ? undefined : {});
      expect([route, anonymous.status, (await anonymous.json()).code]).toEqual([
        route,
        401,
        'operator_not_signed_in',
      ]);
      for (const role of operatorRoleNames) {
        const res = await browsers[role].send(
          path,
          method,
          method === 'GET' ? undefined : (expectation.body ?? {}),
        );
        const text = await res.text();
        const code = text ? (JSON.parse(text) as { code?: string }).code : undefined;
        if (expectation.access.includes(role)) {
          expect([route, role, code]).not.toEqual([route, role, 'operator_forbidden']);
          expect([route, role, code]).not.toEqual([route, role, 'operator_not_signed_in']);
          expect([route, role, res.status < 500]).toEqual([route, role, true]);
        } else {
          expect([route, role, res.status, code]).toEqual([route, role, 403, 'operator_forbidden']);
        }
      }
    }
    // Five requests for each of the ~90 admin routes: a loaded two-core machine needs more than the default minute.
  }, 240_000);

  it('documents the store patch with every setting, so the generated client is typed', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as {
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
      };
    };
    const patch = doc.components.schemas.AdminStorePatch!;
    expect(Object.keys(patch.properties ?? {})).toEqual([
      'name',
      'issuerName',
      'registrationNumber',
      'postalCode',
      'address',
      'phone',
      'email',
      'businessHours',
      'taxRounding',
      'lockoutThreshold',
      'lockoutMode',
      'lockoutMinutes',
      'passwordPolicy',
      'sessionIdleMinutes',
      'sessionAbsoluteHours',
      'registrationReview',
      'withdrawal',
      'personalDataRetentionDays',
      'orderNumberFormat',
      'contractNumberFormat',
      'paymentMethodChange',
    ]);
    expect(patch.additionalProperties).toBe(false);
  });

  it("sets the store's payment-method change policy: owner only, audited, a bad value refused as problem+json", async () => {
    const refused = await browsers.support.send('/api/admin/store', 'PATCH', {
      paymentMethodChange: 'recontract',
    });
    expect(refused.status).toBe(403);
    const bad = await browsers.owner.send('/api/admin/store', 'PATCH', { paymentMethodChange: 'by_phone' });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { code: string; errors: { path: string }[] };
    expect([problem.code, problem.errors.map((f) => f.path)]).toEqual([
      'validation_failed',
      ['paymentMethodChange'],
    ]);
    expect(await (await browsers.owner.send('/api/admin/store', 'GET')).json()).toMatchObject({
      paymentMethodChange: 'on_contract',
    });
    const set = await browsers.owner.send('/api/admin/store', 'PATCH', { paymentMethodChange: 'recontract' });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ paymentMethodChange: 'recontract' });
    const [ownerRow] = await t.ctx.db.select().from(operators).where(eq(operators.loginId, 'role-owner'));
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, ownerRow!.id), eq(auditLog.action, 'store.settings.update')));
    expect(audits.map((a) => a.after)).toContainEqual(
      expect.objectContaining({ paymentMethodChange: 'recontract' }),
    );
    expect(
      (await browsers.owner.send('/api/admin/store', 'PATCH', { paymentMethodChange: 'on_contract' })).status,
    ).toBe(200);
  });

  it('records store changes with the operator as the actor', async () => {
    const owner = browsers.owner;
    const patched = await owner.send('/api/admin/store', 'PATCH', { phone: '03-9876-5432' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ phone: '03-9876-5432' });
    const invalid = await owner.send('/api/admin/store', 'PATCH', { phone: 'call me' });
    expect(invalid.status).toBe(422);
    expect(
      (await owner.send('/api/admin/closure-days', 'POST', { day: '2026-12-28', reason: '年末' })).status,
    ).toBe(201);
    const listed = await owner.send('/api/admin/closure-days', 'GET');
    expect((await listed.json()).days).toContainEqual({ day: '2026-12-28', reason: '年末' });
    expect((await owner.send('/api/admin/closure-days/2026-12-28', 'DELETE')).status).toBe(204);
    expect((await owner.send('/api/admin/closure-days/2026-12-28', 'DELETE')).status).toBe(404);

    const [ownerRow] = await t.ctx.db.select().from(operators).where(eq(operators.loginId, 'role-owner'));
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorKind, 'operator'), eq(auditLog.actorId, ownerRow!.id)));
    const changes = rows.filter((r) => r.action.startsWith('store.')).map((r) => [r.action, r.targetId]);
    expect(changes).toEqual(
      expect.arrayContaining([
        ['store.settings.update', '1'],
        ['store.closure_day.add', '2026-12-28'],
        ['store.closure_day.remove', '2026-12-28'],
      ]),
    );
    expect(rows.every((r) => r.requestId !== null)).toBe(true);
  });
});

describe('member sessions never reach the admin API', () => {
  it('answers 401 to a signed-in member on every guarded admin route, even with the cookie renamed', async () => {
    const member = new Browser();
    const registration = fullRegistration({ loginId: 'member.only', email: 'member.only@example.jp' });
    expect((await member.send('/api/members', 'POST', registration)).status).toBe(201);
    const [confirmation] = await mailTo('member.only@example.jp', 1);
    const token = decodeURIComponent(
      /\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(confirmation!.text)![1]!,
    );
    expect((await member.send('/api/members/confirm-email', 'POST', { token })).status).toBe(200);
    expect(
      (
        await member.send('/api/sessions', 'POST', {
          loginId: 'member.only',
          password: TEST_PASSWORD,
        })
      ).status,
    ).toBe(202);
    // Confirmation, "registration complete", then the code.
    const codeMail = (await mailTo('member.only@example.jp', 3))[2]!;
    expect(
      (await member.send('/api/sessions/verify-code', 'POST', { code: codeIn(codeMail.text) })).status,
    ).toBe(200);
    expect((await member.send('/api/mypage/me', 'GET')).status).toBe(200);
    const memberToken = member.get('keiyaku.session_token')!;
    // The same signed token under the admin cookie's name: the operator instance looks in its own tables.
    const renamed = new Browser();
    renamed.take(
      new Response(null, { headers: { 'set-cookie': `keiyaku_admin.session_token=${memberToken}; Path=/` } }),
    );

    for (const route of await documentedAdminRoutes()) {
      const expectation = adminRoutes[route];
      if (!expectation || expectation.access === 'public') continue;
      const [method, path] = concrete(route);
      for (const browser of [member, renamed]) {
        const res = await browser.send(path, method, method === 'GET' ? undefined : (expectation.body ?? {}));
        expect([route, res.status, (await res.json()).code]).toEqual([route, 401, 'operator_not_signed_in']);
      }
    }
    expect((await member.send('/api/mypage/me', 'GET')).status).toBe(200);
  });
});
