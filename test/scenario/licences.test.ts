// Software licences through the store clock (seed 004): ミライ会計 Desktop's package and download editions ordered and started, validated at start, after a paid renewal and after expiry, each answer verified with node:crypto and the served public key.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { contracts } from '../../src/db/schema/contracts.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import { licenceActivations, licences } from '../../src/db/schema/licensing.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { travel } from '../helpers/member-browser.js';
import { Browser, memberTestPassword, registerAndSignIn, waitForMail } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const email = 'licence.member@example.jp';
const loginId = 'licence-member';

let t: TestApp;
let owner: SignedInOperator;
let billing: SignedInOperator;
let memberId: string;
let member: Browser | null = null;

interface Issued {
  contractId: string;
  contractNumber: string;
  registrationNumber: string;
  installKey: string;
}
/** Package edition, 6 months from 1 October 2025 (until 31 March 2026), renewed for 12 months. */
let packageRenewed: Issued;
/** Package edition, 12 months from 1 April 2025 (until 31 March 2026), never renewed. */
let packageLapsing: Issued;
/** Download edition, 12 months from 1 April 2025 (until 31 March 2026), renewed. */
let downloadRenewed: Issued;
/** Download edition, 12 months from 1 April 2025 (until 31 March 2026), never renewed. */
let downloadLapsing: Issued;
/** Download edition, 12 months from 1 April 2025 (until 31 March 2026), renewal taken on 31 January and never paid. */
let downloadUnpaid: Issued;

interface Validation {
  code: string;
  valid: boolean;
  mayStart: boolean;
  mayUpgrade: boolean;
  registrationNumber: string | null;
  machineFingerprint: string;
  edition: string | null;
  validUntil: string | null;
  updatesAllowedUntil: string | null;
  message: { ja: string; en: string };
  issuedAt: string;
  expiresAt: string;
  signed: { keyId: string; algorithm: string; data: string; signature: string };
}

async function move(to: string): Promise<void> {
  const res = await owner.browser.send('/api/admin/test-clock', 'POST', { to });
  expect(res.status).toBe(200);
  member = null;
}

const codePattern = /(?:コード|code is): (\d{6})/;

/** The member's browser, signing in again with the mailed code when the last move ended the session. */
async function me(): Promise<Browser> {
  if (member) return member;
  const browser = new Browser(t);
  const codeMails = async () =>
    (await listDevMailbox(t.ctx.db, 1000)).filter((m) => m.to === email && codePattern.test(m.text));
  const seen = new Set((await codeMails()).map((m) => m.outboxId));
  expect(
    (await browser.send('/api/sessions', 'POST', { loginId, password: memberTestPassword })).status,
  ).toBe(202);
  const fresh = await waitForMail(
    t,
    (m) => m.to === email && codePattern.test(m.text) && !seen.has(m.outboxId),
    `a sign-in code mail to ${email}`,
  );
  const code = codePattern.exec(fresh.text)![1]!;
  expect((await browser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
  member = browser;
  return browser;
}

/** A product's start-up request, as a desktop product sends it: no cookie, no Origin. */
async function validate(
  licence: { registrationNumber: string; installKey: string },
  machineFingerprint: string,
  productVersion = '2026.1.0',
): Promise<Validation> {
  const res = await t.app.request('/api/license/v1/validate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...licence, machineFingerprint, productVersion }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Validation;
}

/** The answer's signature checked as a product would: with the public key the store serves, and node:crypto. */
async function verified(answer: Validation): Promise<Record<string, unknown>> {
  const keys = (await (await t.app.request('/api/license/v1/keys')).json()) as {
    keys: { keyId: string; publicKeyPem: string; publicKey: string }[];
  };
  const key = keys.keys.find((k) => k.keyId === answer.signed.keyId)!;
  const signedBytes = Buffer.from(`licence/${answer.signed.data}`, 'ascii');
  const signature = Buffer.from(answer.signed.signature, 'base64url');
  expect(verify(null, signedBytes, createPublicKey(key.publicKeyPem), signature)).toBe(true);
  // The raw key (JWK x) is the same key.
  const jwk = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' });
  expect(verify(null, signedBytes, jwk, signature)).toBe(true);
  const { signed: _signed, ...unsigned } = answer;
  const payload = JSON.parse(Buffer.from(answer.signed.data, 'base64url').toString('utf8'));
  expect(payload).toEqual(unsigned);
  return payload;
}

async function contractOf(lineId: string): Promise<{ id: string; number: string }> {
  const [row] = await t.ctx.db
    .select({ id: contracts.id, number: contracts.number })
    .from(contracts)
    .where(eq(contracts.orderLineId, lineId));
  return row!;
}

/** The licence as issued: the number and key from the mail the member was sent. */
async function issuedFor(contract: { id: string; number: string }): Promise<Issued> {
  const mails = await t.ctx.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'licence-issued'))
    .orderBy(asc(outbox.id));
  const mail = mails.find((m) => m.payload.contractNumber === contract.number)!;
  return {
    contractId: contract.id,
    contractNumber: contract.number,
    registrationNumber: mail.payload.registrationNumber as string,
    installKey: mail.payload.installKey as string,
  };
}

async function licenceRow(contractId: string) {
  const [row] = await t.ctx.db.select().from(licences).where(eq(licences.contractId, contractId));
  return row!;
}

beforeAll(async () => {
  t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-03-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'licence.owner', ['owner']);
  billing = await operatorSignedIn(t, 'licence.billing', ['billing']);
  const signedIn = await registerAndSignIn(t, { loginId, name: '登録 花子', email });
  memberId = signedIn.memberId;
  member = signedIn.browser;
  travel(t, '2025-03-25T09:00:00+09:00');

  const issued: Issued[] = [];
  for (const [plan, term, date] of [
    ['package', '6m', '2025-10-01'],
    ['package', '12m', '2025-04-01'],
    ['download', '12m', '2025-04-01'],
    ['download', '12m', '2025-04-01'],
    ['download', '12m', '2025-04-01'],
  ] as const) {
    const order = await insertTestOrder(t, {
      memberId,
      paymentMethod: 'bank_transfer',
      lines: [{ productSlug: 'mirai-accounting-desktop', plan, term }],
    });
    const lineId = order.lineIds[0]!;
    const res = await owner.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', {
      serviceStartDate: date,
    });
    expect(res.status).toBe(200);
    issued.push(await issuedFor(await contractOf(lineId)));
  }
  [packageRenewed, packageLapsing, downloadRenewed, downloadLapsing, downloadUnpaid] = issued as [
    Issued,
    Issued,
    Issued,
    Issued,
    Issued,
  ];
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('a licence per contract of the software product', () => {
  it('is opened with the contract: edition from the plan, valid until the paid-through date, only the key’s hash kept', async () => {
    for (const [issued, edition] of [
      [packageRenewed, 'package'],
      [packageLapsing, 'package'],
      [downloadRenewed, 'download'],
      [downloadLapsing, 'download'],
      [downloadUnpaid, 'download'],
    ] as const) {
      expect(issued.registrationNumber).toMatch(/^[0-9]{4}-[0-9]{4}-[0-9]{4}$/);
      expect(issued.installKey).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
      const row = await licenceRow(issued.contractId);
      expect(row).toMatchObject({
        memberId,
        registrationNumber: issued.registrationNumber,
        installKeyHash: createHash('sha256').update(issued.installKey.replaceAll('-', '')).digest('hex'),
        edition,
        machineLimit: 2,
        contractStatus: 'active',
        validUntil: '2026-03-31',
        updatesAllowedUntil: '2026-03-31',
      });
      expect(JSON.stringify(row)).not.toContain(issued.installKey.slice(0, 5));
    }
    // The number's last digit is a Luhn check digit.
    const digits = packageRenewed.registrationNumber.replaceAll('-', '');
    let sum = 0;
    for (let i = 0; i < 12; i++) {
      let d = Number(digits[11 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    expect(sum % 10).toBe(0);
    expect(
      new Set(
        [packageRenewed, packageLapsing, downloadRenewed, downloadLapsing, downloadUnpaid].map(
          (l) => l.registrationNumber,
        ),
      ).size,
    ).toBe(5);
  });

  it('mails the member the number and the key, the audit naming the number but never the key', async () => {
    const mail = await waitForMail(
      t,
      (m) => m.template === 'licence-issued' && m.text.includes(packageRenewed.contractNumber),
      'the licence mail',
    );
    expect(mail.subject).toContain(
      `】製品登録番号とインストールキーのお知らせ（契約番号 ${packageRenewed.contractNumber}）`,
    );
    expect(mail.text.split('\n\n―')[0]).toBe(
      `登録 花子 様\n\n製品の起動時に求められたら、次の番号とキーを入力してください。インストールキーは再表示できませんので、このメールを保管してください。\n\n製品: ミライ会計 Desktop 基本使用サービス（パッケージ版）\n製品登録番号: ${packageRenewed.registrationNumber}\nインストールキー: ${packageRenewed.installKey}\n基本使用サービスの有効期間: 2026年3月31日まで\n\n契約番号: ${packageRenewed.contractNumber}`,
    );
    const row = await licenceRow(packageRenewed.contractId);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, row.id), eq(auditLog.action, 'licence.opened')));
    expect(audits.map((a) => a.after)).toEqual([
      {
        contractId: packageRenewed.contractId,
        registrationNumber: packageRenewed.registrationNumber,
        edition: 'package',
        validUntil: '2026-03-31',
      },
    ]);
    expect(JSON.stringify(audits)).not.toContain(packageRenewed.installKey);
  });
});

describe('validation at start-up (15 January 2026)', () => {
  it('answers valid with the dates, the edition and a signature the served key verifies', async () => {
    await move('2026-01-15T09:00:00+09:00');
    const answer = await validate(packageRenewed, 'machine-a');
    expect(answer).toMatchObject({
      code: 'valid',
      valid: true,
      mayStart: true,
      mayUpgrade: true,
      registrationNumber: packageRenewed.registrationNumber,
      machineFingerprint: 'machine-a',
      edition: 'package',
      validUntil: '2026-03-31',
      updatesAllowedUntil: '2026-03-31',
      message: {
        ja: '基本使用サービスは2026年3月31日まで有効です。',
        en: 'Your basic service is valid until 2026-03-31.',
      },
      issuedAt: '2026-01-15T00:00:00Z',
      expiresAt: '2026-01-29T00:00:00Z',
    });
    expect(await verified(answer)).toMatchObject({ code: 'valid', validUntil: '2026-03-31' });
    const download = await validate(downloadRenewed, 'machine-d');
    expect(download).toMatchObject({
      code: 'valid',
      mayStart: true,
      edition: 'download',
      validUntil: '2026-03-31',
    });
    await verified(download);
  });

  it('fails verification when one byte of the signed data is changed', async () => {
    const answer = await validate(packageRenewed, 'machine-a');
    const data = Buffer.from(answer.signed.data, 'base64url');
    const at = data.indexOf('2026-03-31');
    data[at] = data[at]! ^ 0x01;
    const keys = (await (await t.app.request('/api/license/v1/public-key')).json()) as {
      publicKeyPem: string;
      keyId: string;
    };
    expect(keys.keyId).toBe(answer.signed.keyId);
    expect(
      verify(
        null,
        Buffer.from(`licence/${data.toString('base64url')}`, 'ascii'),
        createPublicKey(keys.publicKeyPem),
        Buffer.from(answer.signed.signature, 'base64url'),
      ),
    ).toBe(false);
  });

  it('takes the key as people type it: lower case, full-width, without hyphens', async () => {
    const typed = {
      registrationNumber: packageRenewed.registrationNumber.replaceAll('-', ''),
      installKey: packageRenewed.installKey
        .toLowerCase()
        .replaceAll('-', ' ')
        .replace(/[a-z0-9]/, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
    };
    expect((await validate(typed, 'machine-a')).code).toBe('valid');
  });

  it('answers a wrong key and an unknown number alike, not_found, signed, without saying which half was wrong', async () => {
    const otherKey = downloadRenewed.installKey;
    const wrongKey = await validate(
      { registrationNumber: packageRenewed.registrationNumber, installKey: otherKey },
      'machine-x',
    );
    const unknown = await validate(
      { registrationNumber: '0000-0000-0000', installKey: packageRenewed.installKey },
      'machine-x',
    );
    const expected = {
      code: 'not_found',
      valid: false,
      mayStart: false,
      mayUpgrade: false,
      registrationNumber: null,
      machineFingerprint: 'machine-x',
      edition: null,
      validUntil: null,
      updatesAllowedUntil: null,
      message: {
        ja: '製品登録番号またはインストールキーが正しくありません。',
        en: 'The product registration number or the install key is not correct.',
      },
      issuedAt: '2026-01-15T00:00:00Z',
      expiresAt: '2026-01-29T00:00:00Z',
    };
    const { signed: _a, ...a } = wrongKey;
    const { signed: _b, ...b } = unknown;
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    await verified(wrongKey);
    const seen = await t.ctx.db
      .select()
      .from(licenceActivations)
      .where(eq(licenceActivations.machineFingerprint, 'machine-x'));
    expect(seen).toEqual([]);
  });

  it('activates two machines, refuses a third with too_many_machines, and still lets a known machine start', async () => {
    expect((await validate(packageRenewed, 'machine-b', '2026.1.1')).code).toBe('valid');
    const third = await validate(packageRenewed, 'machine-c');
    expect(third).toMatchObject({
      code: 'too_many_machines',
      valid: false,
      mayStart: false,
      mayUpgrade: false,
      validUntil: '2026-03-31',
      message: {
        ja: 'このライセンスで利用できるパソコンの台数を超えています。使わないパソコンの登録を解除してください。',
      },
    });
    await verified(third);
    expect((await validate(packageRenewed, 'machine-a', '2026.1.2')).code).toBe('valid');
    const { id } = await licenceRow(packageRenewed.contractId);
    const machines = await t.ctx.db
      .select()
      .from(licenceActivations)
      .where(eq(licenceActivations.licenceId, id))
      .orderBy(asc(licenceActivations.machineFingerprint));
    expect(machines.map((m) => [m.machineFingerprint, m.lastProductVersion])).toEqual([
      ['machine-a', '2026.1.2'],
      ['machine-b', '2026.1.1'],
    ]);
  });

  it.skipIf(!onPostgres)(
    'gives the last slot to one of two machines asking at once (concurrent twins; PostgreSQL only: PGlite runs one connection, so requests never overlap)',
    async () => {
      expect((await validate(downloadLapsing, 'twin-0')).code).toBe('valid');
      const [a, b] = await Promise.all([
        validate(downloadLapsing, 'twin-1'),
        validate(downloadLapsing, 'twin-2'),
      ]);
      expect([a.code, b.code].sort()).toEqual(['too_many_machines', 'valid']);
      const { id } = await licenceRow(downloadLapsing.contractId);
      const machines = await t.ctx.db
        .select()
        .from(licenceActivations)
        .where(eq(licenceActivations.licenceId, id));
      expect(machines).toHaveLength(2);
    },
  );
});

describe('a renewal taken from 31 January', () => {
  it('lets the product upgrade first while unpaid, and counts at once when paid: valid until next year', async () => {
    await move('2026-01-31T09:00:00+09:00');
    const browser = await me();
    const renewalIds: string[] = [];
    for (const issued of [packageRenewed, downloadRenewed, downloadUnpaid]) {
      const taken = await browser.send(`/api/mypage/contracts/${issued.contractId}/renewals`, 'POST', {
        term: '12m',
      });
      expect(taken.status).toBe(201);
      renewalIds.push(((await taken.json()) as { renewalId: string }).renewalId);
    }
    const unpaid = await validate(packageRenewed, 'machine-a');
    expect(unpaid).toMatchObject({
      code: 'valid',
      mayStart: true,
      mayUpgrade: true,
      validUntil: '2026-03-31',
      updatesAllowedUntil: '2027-03-31',
    });
    await verified(unpaid);
    for (const [i, issued] of [packageRenewed, downloadRenewed].entries()) {
      const paid = await billing.browser.send(
        `/api/admin/contracts/${issued.contractId}/renewals/${renewalIds[i]}/payment`,
        'POST',
        { reason: '振込確認' },
      );
      expect(paid.status).toBe(200);
    }
    // The product's restart after paying: valid through the new term at once, before the term begins.
    const restarted = await validate(packageRenewed, 'machine-a');
    expect(restarted).toMatchObject({
      code: 'valid',
      valid: true,
      validUntil: '2027-03-31',
      updatesAllowedUntil: '2027-03-31',
      message: { ja: '基本使用サービスは2027年3月31日まで有効です。' },
    });
    await verified(restarted);
  });

  it('moves the licences into the new term when the term begins', async () => {
    await move('2026-04-01T09:00:00+09:00');
    for (const [issued, edition, machine] of [
      [packageRenewed, 'package', 'machine-a'],
      [downloadRenewed, 'download', 'machine-d'],
    ] as const) {
      expect(await licenceRow(issued.contractId)).toMatchObject({
        contractStatus: 'active',
        validUntil: '2027-03-31',
        updatesAllowedUntil: '2027-03-31',
      });
      const answer = await validate(issued, machine);
      expect(answer).toMatchObject({
        code: 'valid',
        valid: true,
        mayStart: true,
        mayUpgrade: true,
        edition,
        validUntil: '2027-03-31',
        updatesAllowedUntil: '2027-03-31',
      });
      await verified(answer);
    }
  });

  it('answers renewal_unpaid after the term end while the renewal is unpaid: may start and upgrade', async () => {
    const answer = await validate(downloadUnpaid, 'machine-u');
    expect(answer).toMatchObject({
      code: 'renewal_unpaid',
      valid: false,
      mayStart: true,
      mayUpgrade: true,
      edition: 'download',
      validUntil: '2026-03-31',
      updatesAllowedUntil: '2027-03-31',
      message: {
        ja: '更新のお支払いが確認できていません。バージョンアップはできますが、お支払いが一定期間確認できない場合、古いバージョンのデータを開けなくなります。お早めにお支払いください。',
      },
    });
    await verified(answer);
  });
});

describe('the day after expiry (1 April 2026), not renewed', () => {
  it('refuses to start the download edition', async () => {
    const answer = await validate(downloadLapsing, 'machine-e');
    expect(answer).toMatchObject({
      code: 'expired',
      valid: false,
      mayStart: false,
      mayUpgrade: false,
      edition: 'download',
      validUntil: '2026-03-31',
      message: {
        ja: '基本使用サービスの有効期間（2026年3月31日まで）が過ぎたため、製品を起動できません。更新のお手続きをお願いします。',
        en: 'Your basic service ended on 2026-03-31, so the product cannot start. Please renew it.',
      },
    });
    await verified(answer);
  });

  it('lets the package edition start without upgrades', async () => {
    const answer = await validate(packageLapsing, 'machine-p');
    expect(answer).toMatchObject({
      code: 'edition_expired_may_run',
      valid: false,
      mayStart: true,
      mayUpgrade: false,
      edition: 'package',
      validUntil: '2026-03-31',
      updatesAllowedUntil: '2026-03-31',
      message: {
        ja: '基本使用サービスの有効期間（2026年3月31日まで）が過ぎています。製品は起動できますが、バージョンアップはできません。',
      },
    });
    await verified(answer);
  });

  it('keeps both answers once the contracts expire after the grace period', async () => {
    await move('2026-04-15T09:00:00+09:00');
    for (const issued of [packageLapsing, downloadLapsing]) {
      expect(await licenceRow(issued.contractId)).toMatchObject({
        contractStatus: 'expired',
        validUntil: '2026-03-31',
      });
    }
    expect((await validate(downloadLapsing, 'machine-e')).code).toBe('expired');
    expect(await validate(packageLapsing, 'machine-p')).toMatchObject({
      code: 'edition_expired_may_run',
      mayStart: true,
    });
  });
});

describe('a suspended contract', () => {
  it('answers suspended and may not start, until it is resumed', async () => {
    const suspended = await owner.browser.send(
      `/api/admin/contracts/${packageRenewed.contractId}/suspend`,
      'POST',
      {
        reason: '支払い確認中',
      },
    );
    expect(suspended.status).toBe(200);
    expect(await validate(packageRenewed, 'machine-a')).toMatchObject({
      code: 'suspended',
      mayStart: false,
      mayUpgrade: false,
    });
    const resumed = await owner.browser.send(
      `/api/admin/contracts/${packageRenewed.contractId}/resume`,
      'POST',
      {
        reason: '確認済み',
      },
    );
    expect(resumed.status).toBe(200);
    expect((await validate(packageRenewed, 'machine-a')).code).toBe('valid');
  });
});

describe('the published keys', () => {
  it('list one current Ed25519 key, the same the public-key route serves', async () => {
    const { keys } = (await (await t.app.request('/api/license/v1/keys')).json()) as {
      keys: { keyId: string; algorithm: string; current: boolean; retiredAt: string | null }[];
    };
    expect(keys.map((k) => [k.algorithm, k.current, k.retiredAt])).toEqual([['Ed25519', true, null]]);
    const current = (await (await t.app.request('/api/license/v1/public-key')).json()) as { keyId: string };
    expect(current.keyId).toBe(keys[0]!.keyId);
  });
});

describe('guessing', () => {
  it('is stopped per registration number after 60 tries in 10 minutes, whether or not the number exists', async () => {
    const guess = (installKey: string) =>
      t.app.request('/api/license/v1/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          registrationNumber: '9999-9999-9995',
          installKey,
          machineFingerprint: 'guesser',
          productVersion: '1.0',
        }),
      });
    for (let i = 0; i < 60; i++) {
      const res = await guess(`GUESS-${String(i).padStart(5, '2')}`);
      expect(res.status).toBe(200);
    }
    const refused = await guess('GUESS-LAST0');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
