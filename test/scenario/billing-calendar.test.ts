// Billing profiles through the admin API: the default profile, versions from a month, the twelve-month calendar, bad input and twins.
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { billingProfiles, billingProfileVersions } from '../../src/db/schema/billing-profiles.js';
import { getBillingCalendarMonth } from '../../src/modules/billing/index.js';
import { addClosureDay, removeClosureDay } from '../../src/modules/store/index.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let billing: SignedInOperator;
let support: SignedInOperator;

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  billing = await operatorSignedIn(t, 'billing.clerk', ['billing']);
  support = await operatorSignedIn(t, 'support.desk', ['support']);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

const seed003 = {
  closing: 'start_of_month',
  reflectionDay: 10,
  directDebit: { day: 7 },
  bankTransfer: { sendDay: 25, dueAfterDays: 30 },
  agency: { closings: ['twentieth', 'month_end'] },
};
const seed001 = {
  closing: 'month_end',
  reflectionDay: 15,
  directDebit: { day: 20 },
  bankTransfer: { sendDay: 25, dueAfterDays: 30 },
  agency: { closings: ['twentieth', 'month_end'] },
};

interface Schedule {
  code: string;
  from: string;
  months: {
    month: string;
    periodStart: string;
    periodEnd: string;
    close: string;
    confirmations: {
      rule: string;
      confirmation: string;
      reflection: string;
      card: string;
      directDebit: string;
      bankTransfer: { sending: string; due: string };
      agency: { closing: string; due: string }[];
    }[];
  }[];
}

async function schedule(code: string, from: string): Promise<Schedule> {
  const res = await billing.browser.send(`/api/admin/billing-profiles/${code}/schedule?from=${from}`, 'GET');
  expect(res.status).toBe(200);
  return (await res.json()) as Schedule;
}

function onOrder(s: Schedule): string[] {
  return s.months.map((m) => {
    const r = m.confirmations.find((c) => c.rule === 'on_order')!;
    return [m.month, m.close, r.reflection, r.bankTransfer.sending, r.bankTransfer.due, r.directDebit].join(
      ' ',
    );
  });
}

async function profileAudits() {
  return t.ctx.db
    .select({
      action: auditLog.action,
      targetId: auditLog.targetId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(like(auditLog.action, 'billing.profile.%'))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

describe('the default billing profile', () => {
  it('is created once, by the first reads even when they come at once', async () => {
    const answers = await Promise.all([
      billing.browser.send('/api/admin/billing-profiles', 'GET'),
      billing.browser.send('/api/admin/billing-profiles/default', 'GET'),
      billing.browser.send('/api/admin/billing-profiles/default/schedule?from=2026-04', 'GET'),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await t.ctx.db.select({ code: billingProfiles.code }).from(billingProfiles)).toEqual([
      { code: 'default' },
    ]);
    expect((await profileAudits()).map((a) => [a.action, a.targetId])).toEqual([
      ['billing.profile.create_default', 'default'],
    ]);
  });

  it("has seed 003's rules from 2000-01", async () => {
    const res = await billing.browser.send('/api/admin/billing-profiles/default', 'GET');
    const body = (await res.json()) as { code: string; name: string; versions: unknown[] };
    expect(body).toMatchObject({ code: 'default', name: '標準' });
    expect(body.versions).toEqual([
      { effectiveFrom: '2000-01', rules: seed003, updatedAt: expect.any(String) },
    ]);
  });

  it("gives seed 003's next twelve months: close on the 1st, My Page on the 10th, invoice ~25th, debit on the 7th", async () => {
    const s = await schedule('default', '2026-04');
    expect(s.from).toBe('2026-04');
    expect(onOrder(s)).toEqual([
      '2026-04 2026-04-01 2026-04-10 2026-04-27 2026-05-27 2026-05-07',
      '2026-05 2026-05-01 2026-05-10 2026-05-25 2026-06-24 2026-06-08',
      '2026-06 2026-06-01 2026-06-10 2026-06-25 2026-07-27 2026-07-07',
      '2026-07 2026-07-01 2026-07-10 2026-07-27 2026-08-26 2026-08-07',
      '2026-08 2026-08-01 2026-08-10 2026-08-25 2026-09-24 2026-09-07',
      '2026-09 2026-09-01 2026-09-10 2026-09-25 2026-10-26 2026-10-07',
      '2026-10 2026-10-01 2026-10-10 2026-10-26 2026-11-25 2026-11-09',
      '2026-11 2026-11-01 2026-11-10 2026-11-25 2026-12-25 2026-12-07',
      '2026-12 2026-12-01 2026-12-10 2026-12-25 2027-01-25 2027-01-07',
      '2027-01 2027-01-01 2027-01-10 2027-01-25 2027-02-24 2027-02-08',
      '2027-02 2027-02-01 2027-02-10 2027-02-25 2027-03-29 2027-03-08',
      '2027-03 2027-03-01 2027-03-10 2027-03-25 2027-04-26 2027-04-07',
    ]);
    expect(s.months[0]).toMatchObject({ periodStart: '2026-04-01', periodEnd: '2026-04-30' });
  });

  it("moves the debit past the store's closure days", async () => {
    const actor = { kind: 'cli' as const, id: 'test' };
    await addClosureDay(t.ctx.db, { day: '2026-05-07', reason: '棚卸し', actor, now: t.clock.now() });
    try {
      const april = (await schedule('default', '2026-04')).months[0]!;
      expect(april.confirmations.find((c) => c.rule === 'on_order')!.directDebit).toBe('2026-05-08');
    } finally {
      await removeClosureDay(t.ctx.db, { day: '2026-05-07', actor, now: t.clock.now() });
    }
  });
});

describe('a new version from a month', () => {
  it("applies seed 001's month-end close and agency dates from July; April to June keep the 1st", async () => {
    const res = await billing.browser.send('/api/admin/billing-profiles/default', 'PUT', {
      name: '標準',
      effectiveFrom: '2026-07',
      rules: seed001,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { versions: { effectiveFrom: string }[] };
    expect(body.versions.map((v) => v.effectiveFrom)).toEqual(['2000-01', '2026-07']);

    const s = await schedule('default', '2026-05');
    expect(s.months.map((m) => `${m.month} ${m.close}`).slice(0, 4)).toEqual([
      '2026-05 2026-05-01',
      '2026-06 2026-06-01',
      '2026-07 2026-07-31',
      '2026-08 2026-08-31',
    ]);
    const july = s.months[2]!;
    expect(
      july.confirmations.map((c) => [
        c.rule,
        c.confirmation,
        c.card,
        c.reflection,
        c.agency.map((a) => a.due),
      ]),
    ).toEqual([
      ['on_order', '2026-07-31', '2026-07-31', '2026-08-15', ['2026-08-20', '2026-08-31']],
      ['usage_month_13', '2026-07-13', '2026-07-13', '2026-08-15', ['2026-08-20', '2026-08-31']],
      ['next_month_13', '2026-08-13', '2026-08-13', '2026-08-15', ['2026-09-20', '2026-09-30']],
      ['month_after_next_13', '2026-09-13', '2026-09-13', '2026-09-15', ['2026-10-20', '2026-10-31']],
    ]);

    const audits = await profileAudits();
    expect(audits.at(-1)).toEqual({
      action: 'billing.profile.put_version',
      targetId: 'default',
      before: { name: '標準', effectiveFrom: '2026-07', rules: null },
      after: { name: '標準', effectiveFrom: '2026-07', rules: seed001 },
    });
    const [row] = await t.ctx.db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'billing.profile.put_version'), eq(auditLog.targetId, 'default')));
    expect(row?.actorId).toBe(billing.operatorId);
  });

  it('gives the billing close the month under the version in force for it', async () => {
    const june = await getBillingCalendarMonth(t.ctx.db, {
      code: 'default',
      month: '2026-06',
      now: t.clock.now(),
    });
    const july = await getBillingCalendarMonth(t.ctx.db, {
      code: 'default',
      month: '2026-07',
      now: t.clock.now(),
    });
    expect([june.close.toString(), july.close.toString()]).toEqual(['2026-06-01', '2026-07-31']);
  });

  it('writes nothing when the same rules are put again', async () => {
    const before = (await profileAudits()).length;
    const res = await billing.browser.send('/api/admin/billing-profiles/default', 'PUT', {
      name: '標準',
      effectiveFrom: '2026-07',
      rules: seed001,
    });
    expect(res.status).toBe(200);
    expect((await profileAudits()).length).toBe(before);
  });

  it('creates another profile whose calendar starts at its first month', async () => {
    const res = await billing.browser.send('/api/admin/billing-profiles/agency-20th', 'PUT', {
      name: '代行 20日締め',
      effectiveFrom: '2026-05',
      rules: { ...seed001, closing: 'twentieth', agency: { closings: ['twentieth'] } },
    });
    expect(res.status).toBe(200);
    const s = await schedule('agency-20th', '2026-04');
    expect(s.months.map((m) => m.month)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(s.months[0]).toMatchObject({
      periodStart: '2026-04-21',
      periodEnd: '2026-05-20',
      close: '2026-05-20',
    });
    await expect(
      getBillingCalendarMonth(t.ctx.db, { code: 'agency-20th', month: '2026-04', now: t.clock.now() }),
    ).rejects.toMatchObject({ code: 'billing_profile_no_rules_for_month' });
    const list = await billing.browser.send('/api/admin/billing-profiles', 'GET');
    expect(((await list.json()) as { profiles: { code: string }[] }).profiles.map((p) => p.code)).toEqual([
      'agency-20th',
      'default',
    ]);
  });
});

describe('bad input changes nothing', () => {
  const good = { name: '標準', effectiveFrom: '2026-08', rules: seed001 };

  it.each([
    [
      'a past month',
      'default',
      { ...good, effectiveFrom: '2026-03' },
      409,
      'billing_profile_month_past',
      null,
    ],
    [
      'a month that does not exist',
      'default',
      { ...good, effectiveFrom: '2026-13' },
      422,
      'invalid_billing_month',
      null,
    ],
    [
      'a month past the holiday data',
      'default',
      { ...good, effectiveFrom: '2051-01' },
      422,
      'invalid_billing_month',
      null,
    ],
    [
      'a reflection day past the 28th',
      'default',
      { ...good, rules: { ...seed001, reflectionDay: 29 } },
      422,
      'validation_failed',
      'rules.reflectionDay',
    ],
    [
      'an unknown closing rule',
      'default',
      { ...good, rules: { ...seed001, closing: 'weekly' } },
      422,
      'validation_failed',
      'rules.closing',
    ],
    [
      'an agency closing listed twice',
      'default',
      { ...good, rules: { ...seed001, agency: { closings: ['twentieth', 'twentieth'] } } },
      422,
      'validation_failed',
      'rules.agency.closings',
    ],
    [
      'a transfer due 0 days after sending',
      'default',
      { ...good, rules: { ...seed001, bankTransfer: { sendDay: 25, dueAfterDays: 0 } } },
      422,
      'validation_failed',
      'rules.bankTransfer.dueAfterDays',
    ],
    ['an empty name', 'default', { ...good, name: '  ' }, 422, 'validation_failed', 'name'],
    ['a code with capitals', 'Bad-Code', good, 422, 'validation_failed', 'code'],
  ])('refuses %s', async (_what, code, body, status, problemCode, path) => {
    const audits = (await profileAudits()).length;
    const versions = await t.ctx.db
      .select()
      .from(billingProfileVersions)
      .orderBy(asc(billingProfileVersions.profileCode), asc(billingProfileVersions.effectiveFrom));
    const res = await billing.browser.send(`/api/admin/billing-profiles/${code}`, 'PUT', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as {
      code: string;
      messages: { ja: string; en: string };
      errors?: { path: string; message: { ja: string; en: string } }[];
    };
    expect(problem.code).toBe(problemCode);
    expect(problem.messages.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(problem.messages.en).toMatch(/[a-z]/);
    if (path !== null) {
      const field = problem.errors?.find((e) => e.path === path);
      expect(field?.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(field?.message.en).toMatch(/[a-z]/);
    }
    expect((await profileAudits()).length).toBe(audits);
    expect(
      await t.ctx.db
        .select()
        .from(billingProfileVersions)
        .orderBy(asc(billingProfileVersions.profileCode), asc(billingProfileVersions.effectiveFrom)),
    ).toEqual(versions);
  });

  it('refuses a schedule month not in YYYY-MM form and an unknown profile', async () => {
    const badMonth = await billing.browser.send(
      '/api/admin/billing-profiles/default/schedule?from=2026-4',
      'GET',
    );
    expect([badMonth.status, ((await badMonth.json()) as { code: string }).code]).toEqual([
      422,
      'invalid_billing_month',
    ]);
    const unknown = await billing.browser.send(
      '/api/admin/billing-profiles/nothing/schedule?from=2026-04',
      'GET',
    );
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([
      404,
      'billing_profile_not_found',
    ]);
  });

  it('lets support neither read nor change billing profiles', async () => {
    for (const [path, method, body] of [
      ['/api/admin/billing-profiles', 'GET', undefined],
      ['/api/admin/billing-profiles/default/schedule?from=2026-04', 'GET', undefined],
      ['/api/admin/billing-profiles/default', 'PUT', good],
    ] as const) {
      const res = await support.browser.send(path, method, body);
      expect([path, res.status, ((await res.json()) as { code: string }).code]).toEqual([
        path,
        403,
        'operator_forbidden',
      ]);
    }
  });
});

describe('two operators at once', () => {
  it('puts the same month twice in order: one version, each audit entry seeing what the other left', async () => {
    const a = { name: '標準', effectiveFrom: '2026-09', rules: { ...seed001, reflectionDay: 11 } };
    const b = { name: '標準', effectiveFrom: '2026-09', rules: { ...seed001, reflectionDay: 12 } };
    const answers = await Promise.all([
      billing.browser.send('/api/admin/billing-profiles/default', 'PUT', a),
      billing.browser.send('/api/admin/billing-profiles/default', 'PUT', b),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const rows = await t.ctx.db
      .select({ rules: billingProfileVersions.rules })
      .from(billingProfileVersions)
      .where(
        and(
          eq(billingProfileVersions.profileCode, 'default'),
          eq(billingProfileVersions.effectiveFrom, '2026-09'),
        ),
      );
    expect(rows).toHaveLength(1);
    const last = rows[0]!.rules.reflectionDay;
    const audits = (await profileAudits()).filter(
      (x) => (x.after as { effectiveFrom: string }).effectiveFrom === '2026-09',
    );
    expect(audits).toHaveLength(2);
    const [first, second] = audits as [(typeof audits)[number], (typeof audits)[number]];
    expect((first.before as { rules: unknown }).rules).toBeNull();
    expect((second.before as { rules: unknown }).rules).toEqual((first.after as { rules: unknown }).rules);
    expect((second.after as { rules: { reflectionDay: number } }).rules.reflectionDay).toBe(last);
  });
});
