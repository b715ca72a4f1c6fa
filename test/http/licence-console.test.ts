// The console's licences: search, one licence with its machines and validations (and the log of every validation), freeing a machine, and the CSV import route (whole or nothing, line numbers, the input guard's CSV allowance on that route only).
import { and, asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { licenceActivations, licences, licenceValidations } from '../../src/db/schema/licensing.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { loadProduct } from '../../src/modules/catalog/index.js';
import { machineFingerprintHash, pruneLicenceValidations } from '../../src/modules/licensing/index.js';
import { type Browser, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let productId: string;
let alice: { memberId: string; browser: Browser };
let support: SignedInOperator;
let billing: SignedInOperator;

const header = 'registration_number,install_key,edition';
const packages = [
  '1111-2222-3333,AAAAA-BBBBB-CCCCC-DDDDD-EEEEE,package',
  '4444-5555-6666,FFFFF-GGGGG-HHHHH-JJJJJ-KKKKK,download',
  '7777-8888-9999,MMMMM-NNNNN-PPPPP-QQQQQ-RRRRR,package',
];

async function importCsv(
  who: SignedInOperator,
  csv: string,
  options: { contentType?: string; validUntil?: string } = {},
): Promise<Response> {
  const query = new URLSearchParams({ productId, validUntil: options.validUntil ?? '2027-03-31' });
  return t.request(`/api/admin/licences/import?${query}`, {
    method: 'POST',
    headers: { cookie: who.browser.cookie, 'content-type': options.contentType ?? 'text/csv; charset=utf-8' },
    body: csv,
  });
}

async function numbersInStore(): Promise<string[]> {
  const rows = await t.ctx.db
    .select({ n: licences.registrationNumber })
    .from(licences)
    .orderBy(asc(licences.registrationNumber));
  return rows.map((r) => r.n);
}

async function licenceId(number: string): Promise<string> {
  const [row] = await t.ctx.db.select().from(licences).where(eq(licences.registrationNumber, number));
  return row!.id;
}

beforeAll(async () => {
  // The validation log keeps the client address as the audit log does: here the proxy's word.
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  await t.startWorker();
  t.clock.travelTo('2026-04-10T10:00:00+09:00');
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  productId = (await loadProduct(t.ctx.db, 'mirai-accounting-desktop'))!.id;
  support = await operatorSignedIn(t, 'licence-console.support', ['support']);
  billing = await operatorSignedIn(t, 'licence-console.billing', ['billing']);
  alice = await registerAndSignIn(t, {
    loginId: 'console-alice',
    name: '有栖 花子',
    email: 'alice@example.jp',
  });
});
afterAll(async () => {
  await t.close();
});

describe('importing printed packages from CSV', () => {
  it('refuses the whole file with the line of the first problem and imports nothing', async () => {
    const res = await importCsv(
      support,
      [header, packages[0], '', '4444-5555-6666,FFFFF-GGGGG-HHHHH-JJJJJ-KKKKK,boxed', packages[2]].join(
        '\r\n',
      ),
    );
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; line: string; detail: string };
    expect([problem.code, problem.line]).toEqual(['licence_import_invalid', '4']);
    expect(await numbersInStore()).toEqual([]);
    const duplicate = await importCsv(support, [packages[0], packages[1], packages[0]].join('\n'));
    expect(duplicate.status).toBe(422);
    expect(((await duplicate.json()) as { line: string }).line).toBe('3');
    expect(await numbersInStore()).toEqual([]);
  });

  it('refuses a body that is not text/csv with a stable code', async () => {
    const res = await importCsv(support, packages.join('\n'), { contentType: 'text/plain' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { code: string }).code).toBe('licence_import_not_csv');
    expect(await numbersInStore()).toEqual([]);
  });

  it('lets line breaks through the input guard on this route but still refuses control characters', async () => {
    const res = await importCsv(support, `${header}\n${packages[0]}\u001b[2J\n`);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((f) => f.code)).toEqual(['forbidden_character']);
    expect(await numbersInStore()).toEqual([]);
  });

  it('still refuses a line break in a one-line field elsewhere', async () => {
    const id = 'unknown_0000';
    const res = await support.browser.send(`/api/admin/licences/${id}/install-key`, 'POST', {
      reason: '一行目\n二行目',
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; errors: { path: string; code: string }[] };
    expect([problem.code, problem.errors]).toMatchObject([
      'validation_failed',
      [{ path: 'reason', code: 'forbidden_character' }],
    ]);
  });

  it('is refused to a role without licences.manage', async () => {
    const res = await importCsv(billing, packages.join('\n'));
    expect(res.status).toBe(403);
    expect(await numbersInStore()).toEqual([]);
  });

  it('imports every line, audited without a key', async () => {
    const res = await importCsv(support, `\uFEFF${header}\r\n${packages.join('\r\n')}\r\n`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ imported: 3 });
    expect(await numbersInStore()).toEqual(['1111-2222-3333', '4444-5555-6666', '7777-8888-9999']);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'licence.imported'), eq(auditLog.targetId, productId)));
    expect(audits.map((a) => [a.actorKind, a.actorId, a.after])).toEqual([
      [
        'operator',
        support.operatorId,
        { count: 3, validUntil: '2027-03-31', firstNumber: '1111-2222-3333', lastNumber: '7777-8888-9999' },
      ],
    ]);
    expect(JSON.stringify(audits)).not.toContain('AAAAA');
    // The same file again: every number is taken, so nothing changes.
    const again = await importCsv(support, `${header}\n${packages.join('\n')}`);
    expect(again.status).toBe(422);
    expect(((await again.json()) as { line: string }).line).toBe('2');
    expect(await numbersInStore()).toEqual(['1111-2222-3333', '4444-5555-6666', '7777-8888-9999']);
  });
});

describe('searching and opening licences', () => {
  beforeAll(async () => {
    const attached = await alice.browser.send('/api/mypage/licences', 'POST', {
      registrationNumber: '1111-2222-3333',
      installKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE',
    });
    expect(attached.status).toBe(200);
    for (const [machine, version, at, address, key, code] of [
      ['machine-office', '2026.1.0', '2026-04-11T09:00:00+09:00', '203.0.113.7', 'AAAAA', 'valid'],
      ['machine-home', '2026.1.2', '2026-04-12T20:30:00+09:00', '198.51.100.20', 'AAAAA', 'valid'],
      // A wrong key is logged with no licence: it names none.
      ['machine-home', '2026.1.2', '2026-04-12T20:31:00+09:00', '198.51.100.20', 'ZZZZZ', 'not_found'],
    ] as const) {
      t.clock.travelTo(at);
      const res = await t.app.request('/api/license/v1/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({
          registrationNumber: '1111-2222-3333',
          installKey: `${key}-BBBBB-CCCCC-DDDDD-EEEEE`,
          machineFingerprint: machine,
          productVersion: version,
        }),
      });
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
  });

  const search = async (who: SignedInOperator, query: string) => {
    const res = await who.browser.send(`/api/admin/licences?${query}`, 'GET');
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      total: number;
      licences: { registrationNumber: string; member: { loginId: string } | null }[];
    };
    return [page.total, page.licences.map((l) => [l.registrationNumber, l.member?.loginId ?? null])];
  };

  it('finds licences by part of the number (hyphens or not), member, product, edition and holder', async () => {
    expect(await search(billing, 'number=22223')).toEqual([1, [['1111-2222-3333', 'console-alice']]]);
    expect(await search(billing, 'number=5555-66')).toEqual([1, [['4444-5555-6666', null]]]);
    expect(await search(billing, `member=${encodeURIComponent('有栖')}`)).toEqual([
      1,
      [['1111-2222-3333', 'console-alice']],
    ]);
    expect(await search(billing, 'edition=download')).toEqual([1, [['4444-5555-6666', null]]]);
    expect(await search(billing, 'holder=none&limit=1&offset=1')).toEqual([2, [['4444-5555-6666', null]]]);
    expect(await search(billing, 'product=Mirai%20Accounting&status=active&number=7777')).toEqual([
      1,
      [['7777-8888-9999', null]],
    ]);
    expect(await search(billing, 'product=nothing-like-it')).toEqual([0, []]);
  });

  it('lists the software products for the import form', async () => {
    const res = await support.browser.send('/api/admin/licences/products', 'GET');
    const body = (await res.json()) as { products: { id: string; name: { ja: string } }[] };
    expect(body.products.map((p) => [p.id, p.name.ja])).toEqual([
      [productId, 'ミライ会計 Desktop 基本使用サービス'],
    ]);
  });

  it('shows one licence with its holder, machines and validations, newest first', async () => {
    const id = await licenceId('1111-2222-3333');
    const res = await billing.browser.send(`/api/admin/licences/${id}`, 'GET');
    expect(res.status).toBe(200);
    const office = {
      machineFingerprint: 'machine-office',
      activatedAt: '2026-04-11T00:00:00.000Z',
      lastSeenAt: '2026-04-11T00:00:00.000Z',
      lastProductVersion: '2026.1.0',
    };
    const home = {
      machineFingerprint: 'machine-home',
      activatedAt: '2026-04-12T11:30:00.000Z',
      lastSeenAt: '2026-04-12T11:30:00.000Z',
      lastProductVersion: '2026.1.2',
    };
    expect(await res.json()).toEqual({
      licenceId: id,
      registrationNumber: '1111-2222-3333',
      productName: {
        ja: 'ミライ会計 Desktop 基本使用サービス',
        en: 'Mirai Accounting Desktop basic service',
      },
      edition: 'package',
      editionLabel: { ja: 'パッケージ版', en: 'Package edition' },
      contractId: null,
      contractNumber: null,
      status: 'active',
      statusLabel: { ja: '契約中', en: 'Active' },
      validUntil: '2027-03-31',
      updatesAllowedUntil: '2027-03-31',
      machineLimit: 2,
      machines: [office, home],
      validations: [home, office],
      member: { id: alice.memberId, loginId: 'console-alice', name: '有栖 花子', companyName: null },
      attachedAt: '2026-04-10T01:00:00.000Z',
      createdAt: '2026-04-10T01:00:00.000Z',
    });
    const unknown = await billing.browser.send('/api/admin/licences/lic_unknown', 'GET');
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([
      404,
      'licence_not_found',
    ]);
  });

  it('logs every validation: the licence’s log newest first and paged, the wrong pair without a licence', async () => {
    const id = await licenceId('1111-2222-3333');
    const home = {
      at: '2026-04-12T11:30:00.000Z',
      code: 'valid',
      productVersion: '2026.1.2',
      machineFingerprintHash: machineFingerprintHash('machine-home'),
      machineFingerprint: 'machine-home',
      ipAddress: '198.51.100.20',
    };
    const office = {
      at: '2026-04-11T00:00:00.000Z',
      code: 'valid',
      productVersion: '2026.1.0',
      machineFingerprintHash: machineFingerprintHash('machine-office'),
      machineFingerprint: 'machine-office',
      ipAddress: '203.0.113.7',
    };
    expect(home.machineFingerprintHash).toBe(
      '06926918bfaa6a747d60af0ad3713ecc4dd9af0779f04c1845d458adcfc7c406',
    );
    const page = async (query: string) => {
      const res = await billing.browser.send(`/api/admin/licences/${id}/validations?${query}`, 'GET');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number; validations: ({ id: number } & object)[] };
      return [body.total, body.validations.map(({ id: _id, ...rest }) => rest)];
    };
    expect(await page('')).toEqual([2, [home, office]]);
    expect(await page('limit=1&offset=1')).toEqual([2, [office]]);
    expect(await page('limit=1&offset=2')).toEqual([2, []]);
    const unknown = await billing.browser.send('/api/admin/licences/lic_unknown/validations', 'GET');
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([
      404,
      'licence_not_found',
    ]);
    const rows = await t.ctx.db
      .select()
      .from(licenceValidations)
      .orderBy(asc(licenceValidations.at), asc(licenceValidations.id));
    expect(rows.map((r) => [r.licenceId, r.code, r.at.toISOString(), r.ipAddress])).toEqual([
      [id, 'valid', '2026-04-11T00:00:00.000Z', '203.0.113.7'],
      [id, 'valid', '2026-04-12T11:30:00.000Z', '198.51.100.20'],
      [null, 'not_found', '2026-04-12T11:31:00.000Z', '198.51.100.20'],
    ]);
    // No fingerprint and no key in the log, only the fingerprint's hash.
    expect(JSON.stringify(rows)).not.toMatch(/machine-home|AAAAA|ZZZZZ/);
  });

  it('frees a machine with a reason (support only), audited, and the slot is free again', async () => {
    const id = await licenceId('1111-2222-3333');
    const path = `/api/admin/licences/${id}/machines/machine-office`;
    const refused = await billing.browser.send(path, 'DELETE', { reason: '端末の故障' });
    expect(refused.status).toBe(403);
    const noReason = await support.browser.send(path, 'DELETE', { reason: ' ' });
    expect(noReason.status).toBe(422);
    const freed = await support.browser.send(path, 'DELETE', { reason: '端末の故障' });
    expect(freed.status).toBe(204);
    const again = await support.browser.send(path, 'DELETE', { reason: '端末の故障' });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([
      404,
      'licence_machine_not_found',
    ]);
    const detail = (await (await support.browser.send(`/api/admin/licences/${id}`, 'GET')).json()) as {
      machines: { machineFingerprint: string }[];
    };
    expect(detail.machines.map((m) => m.machineFingerprint)).toEqual(['machine-home']);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'licence.machine_freed'), eq(auditLog.targetId, id)));
    expect(audits.map((a) => [a.actorKind, a.actorId, a.before, a.reason])).toEqual([
      ['operator', support.operatorId, { machineFingerprint: 'machine-office' }, '端末の故障'],
    ]);
  });
});

describe('the validation log’s retention', () => {
  it('deletes validations older than 400 days, keeps the rest', async () => {
    // The log holds 11 and 12 April 2026 (UTC) from above.
    const keep = await pruneLicenceValidations(t.ctx.db, {
      now: Temporal.Instant.from('2027-05-16T00:00:00Z'),
    });
    expect(keep).toBe(0);
    const pruned = await pruneLicenceValidations(t.ctx.db, {
      now: Temporal.Instant.from('2027-05-16T00:00:00.001Z'),
    });
    expect(pruned).toBe(1);
    const rows = await t.ctx.db.select().from(licenceValidations).orderBy(asc(licenceValidations.at));
    expect(rows.map((r) => r.at.toISOString())).toEqual([
      '2026-04-12T11:30:00.000Z',
      '2026-04-12T11:31:00.000Z',
    ]);
  });
});

describe('the demo store’s licences', () => {
  it('imports the printed packages once: in service and past their validity, both editions', async () => {
    const { seedDemoLicences } = await import('../../src/flows/seed-demo-licences.js');
    const actor = { kind: 'cli', id: 'test' } as const;
    expect(await seedDemoLicences(t.ctx.db, { actor, now: t.clock.now() })).toBe(0);
    await t.ctx.db.delete(licenceActivations);
    await t.ctx.db.delete(licences);
    expect(await seedDemoLicences(t.ctx.db, { actor, now: t.clock.now() })).toBe(5);
    expect(await seedDemoLicences(t.ctx.db, { actor, now: t.clock.now() })).toBe(0);
    const rows = await t.ctx.db
      .select({ n: licences.registrationNumber, edition: licences.edition, validUntil: licences.validUntil })
      .from(licences)
      .orderBy(asc(licences.registrationNumber));
    // The clock stands at 12 April 2026 (the last validation above): 11 months on, and a month back.
    expect(rows.map((r) => [r.n, r.edition, r.validUntil])).toEqual([
      ['2025-0401-0008', 'package', '2026-03-12'],
      ['2025-0401-0016', 'download', '2026-03-12'],
      ['2026-0401-0007', 'package', '2027-03-12'],
      ['2026-0401-0015', 'package', '2027-03-12'],
      ['2026-0401-0023', 'download', '2027-03-12'],
    ]);
  });
});
