// Members attach printed packages' licences (at registration and on My Page), free machines, and products activate machines with the licence's number and key; the owner rotates the signing key.
import { createPublicKey, verify } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { members } from '../../src/db/schema/identity.js';
import { licenceActivations, licenceAttachConflicts, licences } from '../../src/db/schema/licensing.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { loadProduct } from '../../src/modules/catalog/index.js';
import { importLicences } from '../../src/modules/licensing/index.js';
import { Browser, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let productId: string;
let alice: { memberId: string; browser: Browser };
let bob: { memberId: string; browser: Browser };
let owner: SignedInOperator;
let support: SignedInOperator;

/** Printed packages: numbers and keys as a vendor's earlier system printed them. */
const packages = [
  { registrationNumber: '1111-2222-3333', installKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', edition: 'package' },
  { registrationNumber: '4444-5555-6666', installKey: 'FFFFF-GGGGG-HHHHH-JJJJJ-KKKKK', edition: 'package' },
  { registrationNumber: '7777-8888-9999', installKey: 'MMMMM-NNNNN-PPPPP-QQQQQ-RRRRR', edition: 'download' },
  { registrationNumber: '1212-3434-5656', installKey: 'SSSSS-TTTTT-UUUUU-VVVVV-WWWWW', edition: 'package' },
  { registrationNumber: '9898-7676-5454', installKey: 'XXXXX-YYYYY-ZZZZZ-22222-33333', edition: 'package' },
] as const;
const [first, second, third, fourth, fifth] = packages;

function basic(p: { registrationNumber: string; installKey: string }): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`${p.registrationNumber}:${p.installKey}`).toString('base64')}`,
  };
}

/** A product's request: no cookie, no Origin. */
async function product(path: string, method: string, headers: Record<string, string>, body?: unknown) {
  return t.app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function rowOf(registrationNumber: string) {
  const [row] = await t.ctx.db
    .select()
    .from(licences)
    .where(eq(licences.registrationNumber, registrationNumber));
  return row!;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorker();
  t.clock.travelTo('2026-04-10T10:00:00+09:00');
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  productId = (await loadProduct(t.ctx.db, 'mirai-accounting-desktop'))!.id;
  const csv = `registration_number,install_key,edition\n${packages
    .map((p) => `${p.registrationNumber},${p.installKey},${p.edition}`)
    .join('\n')}\n`;
  expect(
    await importLicences(t.ctx.db, {
      productId,
      validUntil: '2027-03-31',
      csv,
      actor: { kind: 'cli', id: 'test' },
      now: t.clock.now(),
    }),
  ).toEqual({ imported: 5 });
  alice = await registerAndSignIn(t, {
    loginId: 'licence-alice',
    name: '有栖 花子',
    email: 'alice@example.jp',
  });
  bob = await registerAndSignIn(t, { loginId: 'licence-bob', name: '坊 太郎', email: 'bob@example.jp' });
  owner = await operatorSignedIn(t, 'licences.owner', ['owner']);
  support = await operatorSignedIn(t, 'licences.support', ['support']);
});
afterAll(async () => {
  await t.close();
});

describe('attaching a licence on My Page', () => {
  it('attaches a printed package to the member and lists it with number, edition, validity and machines', async () => {
    const res = await alice.browser.send('/api/mypage/licences', 'POST', {
      // Typed as people type: full-width digits, lower case, no hyphens.
      registrationNumber: '１１１１２２２２３３３３',
      installKey: 'aaaaabbbbbcccccdddddeeeee',
    });
    expect(res.status).toBe(200);
    const attached = (await res.json()) as Record<string, unknown>;
    const licenceId = (await rowOf(first.registrationNumber)).id;
    const expected = {
      licenceId,
      registrationNumber: '1111-2222-3333',
      productName: {
        ja: 'ミライ会計 Desktop 基本使用サービス',
        en: 'Mirai Accounting Desktop basic service',
      },
      edition: 'package',
      editionLabel: { ja: 'パッケージ版', en: 'Package edition' },
      contractId: null,
      status: 'active',
      statusLabel: { ja: '契約中', en: 'Active' },
      validUntil: '2027-03-31',
      updatesAllowedUntil: '2027-03-31',
      machineLimit: 2,
      machines: [],
    };
    expect(attached).toEqual(expected);
    const list = await alice.browser.send('/api/mypage/licences', 'GET');
    expect(await list.json()).toEqual({ licences: [expected] });
    expect(await rowOf(first.registrationNumber)).toMatchObject({
      memberId: alice.memberId,
      attachedAt: new Date('2026-04-10T01:00:00.000Z'),
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, licenceId), eq(auditLog.action, 'licence.attached')));
    expect(audits.map((a) => [a.actorKind, a.actorId, a.after])).toEqual([
      ['member', alice.memberId, { memberId: alice.memberId, registrationNumber: '1111-2222-3333' }],
    ]);
    // Attaching it again is no error and changes nothing.
    const again = await alice.browser.send('/api/mypage/licences', 'POST', first);
    expect(again.status).toBe(200);
  });

  it('refuses a wrong key and a wrong number with one and the same answer', async () => {
    const wrongKey = await bob.browser.send('/api/mypage/licences', 'POST', {
      registrationNumber: second.registrationNumber,
      installKey: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA',
    });
    const wrongNumber = await bob.browser.send('/api/mypage/licences', 'POST', {
      registrationNumber: '0000-0000-0000',
      installKey: second.installKey,
    });
    const bodies = [];
    for (const res of [wrongKey, wrongNumber]) {
      expect(res.status).toBe(422);
      const {
        instance: _instance,
        requestId: _requestId,
        ...body
      } = (await res.json()) as Record<string, unknown>;
      bodies.push(body);
    }
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[0]).toMatchObject({
      code: 'licence_pair_invalid',
      detail:
        '製品登録番号またはインストールキーが正しくありません。製品に同梱の冊子の裏表紙をご確認ください。',
    });
    expect((await rowOf(second.registrationNumber)).memberId).toBeNull();
  });

  it('refuses a licence another member holds, and tells the operators (audit and the console count)', async () => {
    const res = await bob.browser.send('/api/mypage/licences', 'POST', first);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('licence_held_by_another_member');
    const licence = await rowOf(first.registrationNumber);
    expect(licence.memberId).toBe(alice.memberId);
    const conflicts = await t.ctx.db
      .select()
      .from(licenceAttachConflicts)
      .where(eq(licenceAttachConflicts.licenceId, licence.id));
    expect(conflicts.map((c) => [c.memberId, c.resolvedAt])).toEqual([[bob.memberId, null]]);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, licence.id), eq(auditLog.action, 'licence.attach_refused')));
    expect(audit).toMatchObject({
      actorKind: 'member',
      actorId: bob.memberId,
      after: { memberId: bob.memberId, reason: 'held_by_another_member' },
    });
    const overview = await support.browser.send('/api/admin/overview', 'GET');
    expect(((await overview.json()) as Record<string, unknown>).licenceAttachConflicts).toBe(1);
  });

  it('keeps each member to their own licences', async () => {
    const list = await bob.browser.send('/api/mypage/licences', 'GET');
    expect(await list.json()).toEqual({ licences: [] });
    const aliceLicence = await rowOf(first.registrationNumber);
    const free = await bob.browser.send(
      `/api/mypage/licences/${aliceLicence.id}/machines/any-machine`,
      'DELETE',
    );
    expect(free.status).toBe(404);
    expect(((await free.json()) as { code: string }).code).toBe('licence_not_found');
    const anonymous = new Browser(t);
    expect((await anonymous.send('/api/mypage/licences', 'GET')).status).toBe(401);
  });

  it('counts tries per member: the 11th in an hour is refused with 429 even with the right pair', async () => {
    const carol = await registerAndSignIn(t, {
      loginId: 'licence-carol',
      name: '花梨 三子',
      email: 'carol@example.jp',
    });
    for (let i = 0; i < 10; i++) {
      const res = await carol.browser.send('/api/mypage/licences', 'POST', {
        registrationNumber: fifth.registrationNumber,
        installKey: `WRONG-KEY-${String(i).padStart(5, '0')}`,
      });
      expect(res.status).toBe(422);
    }
    const eleventh = await carol.browser.send('/api/mypage/licences', 'POST', fifth);
    expect(eleventh.status).toBe(429);
    expect((await rowOf(fifth.registrationNumber)).memberId).toBeNull();
  });
});

describe('attaching a licence at registration', () => {
  it('registers the member holding the licence when the pair is right', async () => {
    const browser = new Browser(t);
    const res = await browser.send(
      '/api/members',
      'POST',
      fullRegistration({ loginId: 'licence-dave', email: 'dave@example.jp', ...second }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { memberId: string; licenceAttached: boolean };
    expect(body.licenceAttached).toBe(true);
    expect((await rowOf(second.registrationNumber)).memberId).toBe(body.memberId);
  });

  it('registers nobody when the pair is wrong, without saying which half', async () => {
    const browser = new Browser(t);
    const res = await browser.send(
      '/api/members',
      'POST',
      fullRegistration({
        loginId: 'licence-erin',
        email: 'erin@example.jp',
        registrationNumber: third.registrationNumber,
        installKey: fourth.installKey,
      }),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('licence_pair_invalid');
    const erin = await t.ctx.db.select().from(members).where(eq(members.loginId, 'licence-erin'));
    expect(erin).toEqual([]);
    expect((await rowOf(third.registrationNumber)).memberId).toBeNull();
  });
});

describe('machines', () => {
  it('a product activates machines up to the product limit, frees one, and the member frees one on My Page', async () => {
    const activate = (fingerprint: string) =>
      product('/api/license/v1/machines', 'POST', basic(first), {
        machineFingerprint: fingerprint,
        productVersion: '2026.1.0',
      });
    const one = await activate('machine-one');
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({
      registrationNumber: '1111-2222-3333',
      machineFingerprint: 'machine-one',
      activation: 'activated',
      machinesInUse: 1,
      machineLimit: 2,
    });
    expect(((await (await activate('machine-one')).json()) as { activation: string }).activation).toBe(
      'seen',
    );
    expect((await activate('machine-two')).status).toBe(200);
    const three = await activate('machine-three');
    expect(three.status).toBe(409);
    expect(((await three.json()) as { code: string }).code).toBe('too_many_machines');

    const wrong = await product(
      '/api/license/v1/machines/machine-two',
      'DELETE',
      basic({ registrationNumber: first.registrationNumber, installKey: second.installKey }),
    );
    expect(wrong.status).toBe(422);
    const freed = await product('/api/license/v1/machines/machine-two', 'DELETE', basic(first));
    expect(freed.status).toBe(204);
    expect((await activate('machine-three')).status).toBe(200);

    const licence = await rowOf(first.registrationNumber);
    const mine = await alice.browser.send(
      `/api/mypage/licences/${licence.id}/machines/machine-one`,
      'DELETE',
    );
    expect(mine.status).toBe(204);
    const machines = await t.ctx.db
      .select({ fingerprint: licenceActivations.machineFingerprint })
      .from(licenceActivations)
      .where(eq(licenceActivations.licenceId, licence.id))
      .orderBy(asc(licenceActivations.machineFingerprint));
    expect(machines).toEqual([{ fingerprint: 'machine-three' }]);
    const audits = await t.ctx.db
      .select({ action: auditLog.action, actorKind: auditLog.actorKind, before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, licence.id), eq(auditLog.action, 'licence.machine_freed')))
      .orderBy(asc(auditLog.at), asc(auditLog.id));
    expect(audits).toEqual([
      { action: 'licence.machine_freed', actorKind: 'system', before: { machineFingerprint: 'machine-two' } },
      { action: 'licence.machine_freed', actorKind: 'member', before: { machineFingerprint: 'machine-one' } },
    ]);
  });

  it.skipIf(!onPostgres)(
    'two machines racing for the last slot: one is activated, the other refused (PostgreSQL only: PGlite has one connection)',
    async () => {
      const licence = fourth;
      const first = await product('/api/license/v1/machines', 'POST', basic(licence), {
        machineFingerprint: 'twin-zero',
        productVersion: '2026.1.0',
      });
      expect(first.status).toBe(200);
      const results = await Promise.all(
        ['twin-a', 'twin-b'].map((fingerprint) =>
          product('/api/license/v1/machines', 'POST', basic(licence), {
            machineFingerprint: fingerprint,
            productVersion: '2026.1.0',
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const row = await rowOf(licence.registrationNumber);
      const machines = await t.ctx.db
        .select()
        .from(licenceActivations)
        .where(eq(licenceActivations.licenceId, row.id));
      expect(machines).toHaveLength(2);
    },
  );
});

describe('rotating the signing key', () => {
  interface Answer {
    code: string;
    signed: { keyId: string; data: string; signature: string };
  }
  interface Keys {
    keys: { keyId: string; publicKeyPem: string; current: boolean; publishedUntil: string | null }[];
  }
  const keys = async () => (await (await t.app.request('/api/license/v1/keys')).json()) as Keys;
  const validate = async () =>
    (await (
      await product(
        '/api/license/v1/validate',
        'POST',
        {},
        { ...third, machineFingerprint: 'rotation-machine', productVersion: '2026.1.0' },
      )
    ).json()) as Answer;
  const verifies = (answer: Answer, published: Keys) => {
    const key = published.keys.find((k) => k.keyId === answer.signed.keyId);
    if (!key) return false;
    return verify(
      null,
      Buffer.from(`licence/${answer.signed.data}`, 'ascii'),
      createPublicKey(key.publicKeyPem),
      Buffer.from(answer.signed.signature, 'base64url'),
    );
  };

  it('is the owner’s alone', async () => {
    const res = await support.browser.send('/api/admin/licences/signing-keys/rotate', 'POST');
    expect(res.status).toBe(403);
  });

  it('signs new answers with the new key; the old key verifies its tokens until they expire, then is gone', async () => {
    const before = await validate();
    expect(before.code).toBe('valid');
    const oldKeyId = before.signed.keyId;
    const res = await owner.browser.send('/api/admin/licences/signing-keys/rotate', 'POST');
    expect(res.status).toBe(200);
    const rotated = (await res.json()) as { retiredKeyId: string; currentKeyId: string };
    expect(rotated.retiredKeyId).toBe(oldKeyId);

    const after = await validate();
    expect(after.signed.keyId).toBe(rotated.currentKeyId);
    const published = await keys();
    expect(published.keys.map((k) => [k.keyId, k.current, k.publishedUntil])).toEqual([
      [oldKeyId, false, '2026-04-24T01:00:00.000Z'],
      [rotated.currentKeyId, true, null],
    ]);
    expect(verifies(before, published)).toBe(true);
    expect(verifies(after, published)).toBe(true);

    // One second before the old tokens expire the key is still there; at their expiry it is gone.
    t.clock.travelTo('2026-04-24T09:59:59+09:00');
    expect(verifies(before, await keys())).toBe(true);
    t.clock.travelTo('2026-04-24T10:00:00+09:00');
    const later = await keys();
    expect(later.keys.map((k) => k.keyId)).toEqual([rotated.currentKeyId]);
    expect(verifies(before, later)).toBe(false);
    expect(verifies(after, later)).toBe(true);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'licence.signing_key_rotated'));
    expect(audit).toMatchObject({
      actorKind: 'operator',
      before: { currentKeyId: oldKeyId },
      after: { currentKeyId: rotated.currentKeyId },
    });
  });
});

describe('console: reissuing an install key', () => {
  it('lets support reissue a key: the old key stops working, the new one is shown once and works', async () => {
    const licence = await rowOf(third.registrationNumber);
    const billing = await operatorSignedIn(t, 'licences.billing', ['billing']);
    const refused = await billing.browser.send(`/api/admin/licences/${licence.id}/install-key`, 'POST', {
      reason: null,
    });
    expect(refused.status).toBe(403);
    const res = await support.browser.send(`/api/admin/licences/${licence.id}/install-key`, 'POST', {
      reason: '鍵を紛失',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { registrationNumber, installKey } = (await res.json()) as {
      registrationNumber: string;
      installKey: string;
    };
    expect(registrationNumber).toBe(third.registrationNumber);
    expect(installKey).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
    const activate = (key: string) =>
      product('/api/license/v1/machines', 'POST', basic({ registrationNumber, installKey: key }), {
        machineFingerprint: 'after-reissue',
        productVersion: '2026.1.0',
      });
    expect((await activate(third.installKey)).status).toBe(422);
    expect((await activate(installKey)).status).toBe(200);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, licence.id), eq(auditLog.action, 'licence.install_key_reissued')));
    expect(audit).toMatchObject({ actorKind: 'operator', reason: '鍵を紛失', after: { registrationNumber } });
    expect(JSON.stringify(audit)).not.toContain(installKey.replaceAll('-', '').slice(0, 10));
  });
});
