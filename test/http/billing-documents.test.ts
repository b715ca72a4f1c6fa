// Billing documents: invoice PDFs (pdftotext), their stored unchanging records and search, credit notes, the accounting CSV.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { billingDocuments, creditNotes } from '../../src/db/schema/billing-documents.js';
import { invoiceLines, invoices, receivableEntries } from '../../src/db/schema/billing-invoices.js';
import { storeSettings } from '../../src/db/schema/store.js';
import { toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { storeIssuedBillingDocuments } from '../../src/modules/billing/index.js';
import { demoProductId, insertBillingContract, setInvoiceIssuer } from '../helpers/billing-fixtures.js';
import { Browser, registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let alice: SignedInMember;
let bob: SignedInMember;
let billing: SignedInOperator;
let catalog: SignedInOperator;
let aliceInvoice: { id: string; number: string; issueDate: string };
let bobInvoice: { id: string; number: string; issueDate: string };
const folder = mkdtempSync(join(tmpdir(), 'keiyaku-billing-pdf-'));

beforeAll(async () => {
  // My Page shows April's invoices from the month's reflection date, the 10th (seed 003).
  t = await createTestApp({ clockStart: '2026-04-10T09:00:00+09:00' });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  await setInvoiceIssuer(t.ctx.db, {
    issuerName: '株式会社キーヤク',
    registrationNumber: 'T1020001071491',
    taxRounding: 'floor',
  });
  alice = await registerAndSignIn(t, {
    loginId: 'doc-alice',
    name: '請求 アリス',
    email: 'alice@example.jp',
  });
  bob = await registerAndSignIn(t, { loginId: 'doc-bob', name: '請求 ボブ', email: 'bob@example.jp' });
  const productId = await demoProductId(t.ctx.db);
  const at = toDate(t.clock.now());
  await insertBillingContract(t.ctx.db, {
    memberId: alice.memberId,
    productId,
    termMonths: 1,
    start: '2026-03-20',
    lines: [
      { code: 'a', amount: 105, taxRate: 10 },
      { code: 'b', amount: 105, taxRate: 10 },
      { code: 'c', amount: 105, taxRate: 10 },
      { code: 'food', amount: 1_255, taxRate: 8 },
    ],
    at,
  });
  await insertBillingContract(t.ctx.db, {
    memberId: bob.memberId,
    productId,
    termMonths: 12,
    start: '2025-04-01',
    lines: [{ code: 'year', amount: 120_000, taxRate: 10 }],
    at,
  });
  billing = await operatorSignedIn(t, 'doc-billing-op', ['billing']);
  catalog = await operatorSignedIn(t, 'doc-catalog-op', ['catalog']);
  const close = await billing.browser.send('/api/admin/billing-runs', 'POST', { month: '2026-04' });
  expect(close.status).toBe(200);
  const find = async (memberId: string) => {
    const page = (await (
      await billing.browser.send(`/api/admin/invoices?memberId=${memberId}`, 'GET')
    ).json()) as { invoices: { id: string; number: string; issueDate: string }[] };
    return page.invoices[0]!;
  };
  aliceInvoice = await find(alice.memberId);
  bobInvoice = await find(bob.memberId);
});
afterAll(() => t.close());

async function download(browser: Browser, path: string) {
  const res = await browser.send(path, 'GET');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { res, bytes };
}

function pdfText(bytes: Buffer): string {
  const file = join(folder, `${createHash('sha256').update(bytes).digest('hex')}.pdf`);
  writeFileSync(file, bytes);
  // -layout keeps each row on one line; runs of spaces are folded so a row is matched whole.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
}

describe('invoice PDFs', () => {
  it('My Page prints the qualified invoice in Japanese: number, registration number, lines, totals per rate', async () => {
    const { res, bytes } = await download(alice.browser, `/api/mypage/invoices/${aliceInvoice.id}/pdf`);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="invoice-${aliceInvoice.number}.pdf"`,
    );
    const text = pdfText(bytes);
    expect(text).toContain('請求書（適格請求書）');
    expect(text).toContain('請求 アリス 様');
    expect(text).toContain(`書類番号: ${aliceInvoice.number}`);
    expect(text).toContain(`発行日: ${aliceInvoice.issueDate}`);
    expect(text).toContain('発行者: 株式会社キーヤク');
    expect(text).toContain('登録番号: T1020001071491');
    expect(text).toContain('請求期間: 2026-04-01 – 2026-04-30');
    // The due date and method My Page shows for the invoice (a card is charged on the confirmation date).
    expect(text).toContain('お支払期限: 2026-04-01');
    expect(text).toContain('お支払方法: クレジットカード');
    expect(text).toContain('クラウドサーバー a 利用料 2026-04-20 – 2026-05-19 1 ¥105 ¥105 10%');
    expect(text).toContain('クラウドサーバー food 利用料 ※ 2026-04-20 – 2026-05-19 1 ¥1,255 ¥1,255 8%※');
    // Three ¥105 lines at 10 %: tax rounded once on ¥315 → ¥31 (not 3 × ¥10).
    expect(text).toContain('10%対象 ¥315');
    expect(text).toContain('消費税（10%） ¥31');
    expect(text).toContain('8%対象（軽減税率※） ¥1,255');
    expect(text).toContain('消費税（8%） ¥100');
    expect(text).toContain('小計（税抜） ¥1,570');
    expect(text).toContain('消費税合計 ¥131');
    expect(text).toContain('ご請求金額（税込） ¥1,701');
    expect(text).toContain('※は軽減税率（8%）対象品目です。');
  });

  it('another member’s invoice is 404 invoice_not_found on My Page; the console needs billing.read', async () => {
    const cross = await alice.browser.send(`/api/mypage/invoices/${bobInvoice.id}/pdf`, 'GET');
    expect(cross.status).toBe(404);
    expect(((await cross.json()) as { code: string }).code).toBe('invoice_not_found');
    expect((await new Browser(t).send(`/api/mypage/invoices/${bobInvoice.id}/pdf`, 'GET')).status).toBe(401);
    expect((await catalog.browser.send(`/api/admin/invoices/${bobInvoice.id}/pdf`, 'GET')).status).toBe(403);
    const unknown = await billing.browser.send('/api/admin/invoices/inv_nope/pdf', 'GET');
    expect(unknown.status).toBe(404);
  });

  it('the console prints English beside the Japanese legal wording with ?lang=en', async () => {
    const { res, bytes } = await download(
      billing.browser,
      `/api/admin/invoices/${bobInvoice.id}/pdf?lang=en`,
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="invoice-${bobInvoice.number}-en.pdf"`,
    );
    const text = pdfText(bytes);
    expect(text).toContain('請求書（適格請求書） Qualified invoice');
    expect(text).toContain('登録番号 Registration number: T1020001071491');
    expect(text).toContain('Cloud server year fee 2026-04-01 – 2027-03-31 1 ¥120,000 ¥120,000 10%');
    expect(text).toContain('10%対象 Taxable at 10% ¥120,000');
    expect(text).toContain('ご請求金額 Total (incl. tax) ¥132,000');
  });
});

describe('stored electronic records (電子帳簿保存法)', () => {
  it('an issued invoice’s PDF is stored once: a second download is byte-identical and its hash is stored', async () => {
    const first = await download(billing.browser, `/api/admin/invoices/${aliceInvoice.id}/pdf`);
    const second = await download(alice.browser, `/api/mypage/invoices/${aliceInvoice.id}/pdf`);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const hash = createHash('sha256').update(first.bytes).digest('hex');
    expect(first.res.headers.get('x-content-sha256')).toBe(hash);
    const rows = await t.ctx.db
      .select({ sha256: billingDocuments.sha256, pdf: billingDocuments.pdf, number: billingDocuments.number })
      .from(billingDocuments)
      .where(eq(billingDocuments.documentId, aliceInvoice.id));
    expect(rows).toHaveLength(1);
    expect([rows[0]!.number, rows[0]!.sha256, rows[0]!.pdf.equals(first.bytes)]).toEqual([
      aliceInvoice.number,
      hash,
      true,
    ]);
    // A trigger refuses to change or remove a stored record.
    const mine = eq(billingDocuments.documentId, aliceInvoice.id);
    await expect(
      t.ctx.db
        .update(billingDocuments)
        .set({ pdf: Buffer.from('%PDF-x') })
        .where(mine),
    ).rejects.toThrow();
    await expect(t.ctx.db.delete(billingDocuments).where(mine)).rejects.toThrow();
    const [kept] = await t.ctx.db
      .select({ sha256: billingDocuments.sha256 })
      .from(billingDocuments)
      .where(mine);
    expect(kept?.sha256).toBe(hash);
  });

  it('changing the store’s issuer name and address afterwards leaves the stored PDF as it was', async () => {
    const before = await download(billing.browser, `/api/admin/invoices/${aliceInvoice.id}/pdf`);
    expect(pdfText(before.bytes)).toContain('発行者: 株式会社キーヤク');
    await t.ctx.db
      .update(storeSettings)
      .set({ issuerName: '株式会社改名後', address: '大阪府大阪市北区梅田1-1-1' })
      .where(eq(storeSettings.id, 1));
    const after = await download(billing.browser, `/api/admin/invoices/${aliceInvoice.id}/pdf`);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(pdfText(after.bytes)).not.toContain('大阪府大阪市北区梅田1-1-1');
    // A document rendered for the first time now prints the new address (the stored one did not move).
    const bobs = await download(billing.browser, `/api/admin/invoices/${bobInvoice.id}/pdf`);
    expect(pdfText(bobs.bytes)).toContain('大阪府大阪市北区梅田1-1-1');
  });

  it('the console searches stored documents by transaction date, amount and counterparty, combined, and as CSV', async () => {
    type Page = {
      documents: { number: string; amount: number; counterparty: string; sha256: string }[];
      total: number;
    };
    const search = async (query: string) =>
      (await (await billing.browser.send(`/api/admin/billing-documents?${query}`, 'GET')).json()) as Page;
    const all = await search('');
    // Same transaction date: ordered by number.
    expect(all.documents.map((d) => [d.number, d.amount, d.counterparty])).toEqual(
      [
        [aliceInvoice.number, 1_701, '請求 アリス'],
        [bobInvoice.number, 132_000, '請求 ボブ'],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const day = aliceInvoice.issueDate;
    expect(
      (await search(`counterparty=${encodeURIComponent('アリス')}`)).documents.map((d) => d.number),
    ).toEqual([aliceInvoice.number]);
    expect((await search('minAmount=100000')).documents.map((d) => d.number)).toEqual([bobInvoice.number]);
    expect(
      (
        await search(`from=${day}&to=${day}&counterparty=${encodeURIComponent('請求')}&maxAmount=1701`)
      ).documents.map((d) => d.number),
    ).toEqual([aliceInvoice.number]);
    expect((await search(`from=${day}&to=${day}&minAmount=1702&maxAmount=131999`)).total).toBe(0);
    expect((await search('from=2026-05-01')).total).toBe(0);
    expect((await billing.browser.send('/api/admin/billing-documents?from=2026-5-1', 'GET')).status).toBe(
      422,
    );
    expect((await catalog.browser.send('/api/admin/billing-documents', 'GET')).status).toBe(403);

    const csv = await billing.browser.send(
      `/api/admin/billing-documents?format=csv&counterparty=${encodeURIComponent('ボブ')}`,
      'GET',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const bobHash = all.documents.find((d) => d.number === bobInvoice.number)!.sha256;
    const rows = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(rows[0]).toBe('種別,書類番号,取引日,金額（税込）,取引先,会員ID,SHA-256,保存日時');
    expect(rows[1]).toMatch(
      new RegExp(`^請求書,${bobInvoice.number},${day},132000,請求 ボブ,${bob.memberId},${bobHash},\\d{4}-`),
    );
    expect(rows.slice(2)).toEqual(['']);
  });
});

type CreditNoteBody = {
  id: string;
  number: string;
  invoiceId: string;
  original: { issueDate: string; periodFrom: string; periodThrough: string };
  rates: { percent: number; reduced: boolean; taxableAmount: number; tax: number }[];
  subtotal: number;
  tax: number;
  total: number;
  lines: {
    position: number;
    invoicePosition: number;
    amount: number;
    serviceFrom: string;
    serviceThrough: string;
  }[];
};

async function balanceOf(memberId: string): Promise<number> {
  const rows = await t.ctx.db
    .select({ amount: receivableEntries.amount, kind: receivableEntries.kind })
    .from(receivableEntries)
    .where(eq(receivableEntries.memberId, memberId));
  return rows.reduce((sum, row) => sum + Number(row.amount), 0);
}

describe('credit notes (適格返還請求書)', () => {
  let firstNote: CreditNoteBody;
  let secondNote: CreditNoteBody;

  it('returns a chosen line with its own number, tax per rate, a ledger entry and an audit', async () => {
    const path = `/api/admin/invoices/${aliceInvoice.id}/credit-notes`;
    expect((await catalog.browser.send(path, 'POST', { reason: '返品' })).status).toBe(403);
    const support = await operatorSignedIn(t, 'doc-support-op', ['support']);
    expect((await support.browser.send(path, 'POST', { reason: '返品' })).status).toBe(403);
    const res = await billing.browser.send(path, 'POST', {
      reason: '二重計上の取消',
      lines: [{ position: 1, amount: 105 }],
    });
    expect(res.status).toBe(201);
    firstNote = (await res.json()) as CreditNoteBody;
    expect(firstNote.number).toBe('CN2026-0000001');
    expect(firstNote.original).toEqual({
      issueDate: aliceInvoice.issueDate,
      periodFrom: '2026-04-01',
      periodThrough: '2026-04-30',
    });
    expect(firstNote.rates).toEqual([{ percent: 10, reduced: false, taxableAmount: 105, tax: 10 }]);
    expect([firstNote.subtotal, firstNote.tax, firstNote.total]).toEqual([105, 10, 115]);
    expect(firstNote.lines).toEqual([
      {
        position: 1,
        invoicePosition: 1,
        description: { ja: 'クラウドサーバー a 利用料', en: 'Cloud server a fee' },
        amount: 105,
        taxPercent: 10,
        reducedMarker: false,
        serviceFrom: '2026-04-20',
        serviceThrough: '2026-05-19',
      },
    ]);
    expect(await balanceOf(alice.memberId)).toBe(1_701 - 115);
    const audits = await t.ctx.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'invoice'), eq(auditLog.targetId, aliceInvoice.id)));
    expect(audits).toEqual([
      { action: 'billing.credit_note_issued', actorId: billing.operatorId, reason: '二重計上の取消' },
    ]);
  });

  it('refuses more than is left of a line, an unknown or repeated line and a blank reason, writing nothing', async () => {
    const path = `/api/admin/invoices/${aliceInvoice.id}/credit-notes`;
    const refusals = [
      [{ reason: 'x', lines: [{ position: 1, amount: 1 }] }, 422, 'credit_note_exceeds_invoice'],
      [{ reason: 'x', lines: [{ position: 2, amount: 106 }] }, 422, 'credit_note_exceeds_invoice'],
      [{ reason: 'x', lines: [{ position: 9 }] }, 422, 'credit_note_line_unknown'],
      [{ reason: 'x', lines: [{ position: 2 }, { position: 2 }] }, 422, 'credit_note_line_repeated'],
      [{ reason: ' ' }, 422, 'validation_failed'],
    ] as const;
    for (const [body, status, code] of refusals) {
      const res = await billing.browser.send(path, 'POST', body);
      expect([status, code]).toEqual([res.status, ((await res.json()) as { code: string }).code]);
    }
    expect(
      (await billing.browser.send('/api/admin/invoices/inv_nope/credit-notes', 'POST', { reason: 'x' }))
        .status,
    ).toBe(404);
    expect(await balanceOf(alice.memberId)).toBe(1_701 - 115);
  });

  it('returns the rest of the invoice: the last of each rate returns exactly the invoice’s remaining tax', async () => {
    const path = `/api/admin/invoices/${aliceInvoice.id}/credit-notes`;
    const res = await billing.browser.send(path, 'POST', { reason: '解約による全額返還' });
    expect(res.status).toBe(201);
    secondNote = (await res.json()) as CreditNoteBody;
    expect(secondNote.number).toBe('CN2026-0000002');
    // 10 %: ¥210 left, ¥31 − ¥10 = ¥21 of tax left; 8 %: ¥1,255 and its ¥100.
    expect(secondNote.rates).toEqual([
      { percent: 10, reduced: false, taxableAmount: 210, tax: 21 },
      { percent: 8, reduced: true, taxableAmount: 1_255, tax: 100 },
    ]);
    expect(secondNote.total).toBe(1_586);
    expect(secondNote.lines.map((l) => [l.position, l.invoicePosition, l.amount])).toEqual([
      [1, 2, 105],
      [2, 3, 105],
      [3, 4, 1_255],
    ]);
    expect(await balanceOf(alice.memberId)).toBe(0);
    const again = await billing.browser.send(path, 'POST', { reason: 'もう一度' });
    expect([again.status, ((await again.json()) as { code: string }).code]).toEqual([
      409,
      'credit_note_nothing_left',
    ]);
    const list = (await (await billing.browser.send(path, 'GET')).json()) as {
      creditNotes: { number: string }[];
    };
    expect(list.creditNotes.map((n) => n.number)).toEqual(['CN2026-0000001', 'CN2026-0000002']);
    // The invoice itself is never edited.
    const invoice = (await (
      await billing.browser.send(`/api/admin/invoices/${aliceInvoice.id}`, 'GET')
    ).json()) as {
      total: number;
      status: string;
    };
    expect([invoice.total, invoice.status]).toEqual([1_701, 'issued']);
  });

  it('prints the credit note with the original invoice, stored once; another member cannot read it', async () => {
    const { res, bytes } = await download(alice.browser, `/api/mypage/credit-notes/${secondNote.id}/pdf`);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="credit-note-CN2026-0000002.pdf"',
    );
    const text = pdfText(bytes);
    expect(text).toContain('返還請求書（適格返還請求書）');
    expect(text).toContain('書類番号: CN2026-0000002');
    expect(text).toContain('登録番号: T1020001071491');
    expect(text).toContain(`元の請求書: ${aliceInvoice.number}`);
    expect(text).toContain(`元の取引日・期間: ${aliceInvoice.issueDate} (2026-04-01 – 2026-04-30)`);
    expect(text).toContain('返還理由: 解約による全額返還');
    expect(text).toContain('10%対象 ¥210');
    expect(text).toContain('消費税（10%） ¥21');
    expect(text).toContain('8%対象（軽減税率※） ¥1,255');
    expect(text).toContain('消費税（8%） ¥100');
    expect(text).toContain('返還金額（税込） ¥1,586');
    const again = await download(billing.browser, `/api/admin/credit-notes/${secondNote.id}/pdf`);
    expect(again.bytes.equals(bytes)).toBe(true);
    expect(again.res.headers.get('x-content-sha256')).toBe(createHash('sha256').update(bytes).digest('hex'));
    const cross = await bob.browser.send(`/api/mypage/credit-notes/${secondNote.id}/pdf`, 'GET');
    expect([cross.status, ((await cross.json()) as { code: string }).code]).toEqual([
      404,
      'credit_note_not_found',
    ]);
    const found = (await (
      await billing.browser.send('/api/admin/billing-documents?kind=credit_note', 'GET')
    ).json()) as { documents: { number: string; amount: number }[] };
    expect(found.documents.map((d) => [d.number, d.amount])).toEqual([['CN2026-0000002', 1_586]]);
  });

  it('two credit notes at once cannot return more than the invoice (concurrent twins)', async () => {
    const path = `/api/admin/invoices/${bobInvoice.id}/credit-notes`;
    const twins = await Promise.all(
      [1, 2].map(() =>
        billing.browser.send(path, 'POST', { reason: '一部返金', lines: [{ position: 1, amount: 80_000 }] }),
      ),
    );
    expect(twins.map((r) => r.status).sort()).toEqual([201, 422]);
    const whole = await Promise.all(
      [1, 2].map(() => billing.browser.send(path, 'POST', { reason: '残額返金' })),
    );
    expect(whole.map((r) => r.status).sort()).toEqual([201, 409]);
    const list = (await (await billing.browser.send(path, 'GET')).json()) as {
      creditNotes: { subtotal: number; tax: number; total: number }[];
    };
    expect(list.creditNotes.map((n) => [n.subtotal, n.tax, n.total])).toEqual([
      [80_000, 8_000, 88_000],
      [40_000, 4_000, 44_000],
    ]);
    expect(await balanceOf(bob.memberId)).toBe(0);
  });
});

describe('GET /api/admin/invoices/export', () => {
  const header =
    '請求書番号,発行日,請求月,請求期間開始,請求期間終了,状態,会員ID,取引先,登録番号,明細番号,品目,取引期間開始,取引期間終了,数量,単価（税抜）,金額（税抜）,税率,軽減税率,税率別対象額（税抜）,税率別消費税,請求小計（税抜）,請求消費税,請求合計（税込）';
  const expectedRows = () => {
    const a = (
      n: number,
      code: string,
      amount: number,
      rate: string,
      mark: string,
      taxable: number,
      tax: number,
    ) =>
      `${aliceInvoice.number},${aliceInvoice.issueDate},2026-04,2026-04-01,2026-04-30,請求済（未入金）,${alice.memberId},請求 アリス,T1020001071491,${n},クラウドサーバー ${code} 利用料,2026-04-20,2026-05-19,1,${amount},${amount},${rate},${mark},${taxable},${tax},1570,131,1701`;
    const alices = [
      a(1, 'a', 105, '10%', '', 315, 31),
      a(2, 'b', 105, '10%', '', 315, 31),
      a(3, 'c', 105, '10%', '', 315, 31),
      a(4, 'food', 1255, '8%', '※', 1255, 100),
    ];
    const bobs = [
      `${bobInvoice.number},${bobInvoice.issueDate},2026-04,2026-04-01,2026-04-30,請求済（未入金）,${bob.memberId},請求 ボブ,T1020001071491,1,クラウドサーバー year 利用料,2026-04-01,2027-03-31,1,120000,120000,10%,,120000,12000,120000,12000,132000`,
    ];
    return aliceInvoice.number < bobInvoice.number ? [...alices, ...bobs] : [...bobs, ...alices];
  };

  it('UTF-8 with BOM: exact rows, one per invoice line', async () => {
    const res = await billing.browser.send(
      '/api/admin/invoices/export?month=2026-04&encoding=utf8bom',
      'GET',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="invoices-2026-04-utf8bom.csv"',
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(`${[header, ...expectedRows()].join('\r\n')}\r\n`);
  });

  it('Shift_JIS: the same rows, 請 as 0x90 0xBF; another month is the header alone; bad input is refused', async () => {
    const res = await billing.browser.send('/api/admin/invoices/export?month=2026-04&encoding=sjis', 'GET');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    const bytes = Buffer.from(await res.arrayBuffer());
    // 請求書番号 in Shift_JIS.
    expect(bytes.subarray(0, 10).toString('hex')).toBe('90bf8b818f9194d48d86');
    expect(iconv.decode(bytes, 'cp932')).toBe(`${[header, ...expectedRows()].join('\r\n')}\r\n`);
    const empty = await billing.browser.send('/api/admin/invoices/export?month=2026-05&encoding=sjis', 'GET');
    expect(iconv.decode(Buffer.from(await empty.arrayBuffer()), 'cp932')).toBe(`${header}\r\n`);
    expect((await billing.browser.send('/api/admin/invoices/export?month=2026-4', 'GET')).status).toBe(422);
    expect(
      (await billing.browser.send('/api/admin/invoices/export?month=2026-04&encoding=latin1', 'GET')).status,
    ).toBe(422);
    expect((await catalog.browser.send('/api/admin/invoices/export?month=2026-04', 'GET')).status).toBe(403);
  });
});

describe('a draft invoice', () => {
  it('is rendered as a draft each time and never stored', async () => {
    const id = 'inv_01900000-0000-7000-8000-00000000d0af';
    const at = toDate(t.clock.now());
    await t.ctx.db.insert(invoices).values({
      id,
      number: 'INV2026-0009999',
      year: 2026,
      sequence: 9_999,
      memberId: alice.memberId,
      periodFrom: '2026-05-01',
      periodThrough: '2026-05-31',
      status: 'draft',
      issueDate: '2026-05-01',
      issuerName: '株式会社キーヤク',
      registrationNumber: 'T1020001071491',
      taxRounding: 'floor',
      standardTaxable: 1_000n,
      standardTax: 100n,
      reducedTaxable: 0n,
      reducedTax: 0n,
      subtotal: 1_000n,
      tax: 100n,
      total: 1_100n,
      createdAt: at,
    });
    await t.ctx.db.insert(invoiceLines).values({
      invoiceId: id,
      position: 1,
      kind: 'recurring',
      code: 'draft-line',
      descriptionJa: '下書き明細',
      descriptionEn: 'Draft line',
      quantity: 1,
      unitPrice: 1_000n,
      amount: 1_000n,
      taxPercent: 10,
      serviceFrom: '2026-05-01',
      serviceThrough: '2026-05-31',
    });
    // My Page never shows a draft; the console previews it.
    const hidden = await alice.browser.send(`/api/mypage/invoices/${id}/pdf`, 'GET');
    expect(hidden.status).toBe(404);
    const { res, bytes } = await download(billing.browser, `/api/admin/invoices/${id}/pdf`);
    expect(res.headers.get('x-content-sha256')).toBeNull();
    const text = pdfText(bytes);
    expect(text).toContain('下書き（発行前のため適格請求書ではありません）');
    expect(text).toContain('ご請求金額（税込） ¥1,100');
    const stored = await t.ctx.db.select().from(billingDocuments).where(eq(billingDocuments.documentId, id));
    expect(stored).toEqual([]);
    const credit = await billing.browser.send(`/api/admin/invoices/${id}/credit-notes`, 'POST', {
      reason: 'x',
    });
    expect([credit.status, ((await credit.json()) as { code: string }).code]).toEqual([
      409,
      'credit_note_invoice_not_issued',
    ]);
  });
});

describe('the billing.documents sweep', () => {
  it('stores every issued invoice and credit note not yet downloaded, never a draft, and leaves stored records alone', async () => {
    const storedBefore = await t.ctx.db
      .select({ documentId: billingDocuments.documentId, sha256: billingDocuments.sha256 })
      .from(billingDocuments);
    const issued = (await t.ctx.db.select({ id: invoices.id, status: invoices.status }).from(invoices))
      .filter((row) => row.status !== 'draft' && row.status !== 'void')
      .map((row) => row.id);
    const notes = (
      await t.ctx.db.select({ id: creditNotes.id, number: creditNotes.number }).from(creditNotes)
    ).map((row) => row.id);
    const pending = [...issued, ...notes].filter((id) => !storedBefore.some((s) => s.documentId === id));
    // The credit notes issued above were never downloaded, except the one printed.
    expect(pending.length).toBeGreaterThan(0);

    const unstored = (ids: string[]) => ids.filter((id) => pending.includes(id)).length;
    // One pass stores at most `limit` of each kind.
    expect(await storeIssuedBillingDocuments(t.ctx.db, { now: t.clock.now(), limit: 1 })).toBe(
      Math.min(1, unstored(issued)) + Math.min(1, unstored(notes)),
    );
    await storeIssuedBillingDocuments(t.ctx.db, { now: t.clock.now() });
    expect(await storeIssuedBillingDocuments(t.ctx.db, { now: t.clock.now() })).toBe(0);

    const storedAfter = await t.ctx.db
      .select({ documentId: billingDocuments.documentId, sha256: billingDocuments.sha256 })
      .from(billingDocuments);
    expect(storedAfter.map((s) => s.documentId).sort()).toEqual([...issued, ...notes].sort());
    for (const before of storedBefore) {
      expect(storedAfter.find((s) => s.documentId === before.documentId)?.sha256).toBe(before.sha256);
    }
    // What the sweep stored is what a download then serves, byte for byte.
    const noteId = notes.find((id) => pending.includes(id))!;
    const [record] = await t.ctx.db
      .select({ pdf: billingDocuments.pdf, number: billingDocuments.number })
      .from(billingDocuments)
      .where(eq(billingDocuments.documentId, noteId));
    const served = await download(billing.browser, `/api/admin/credit-notes/${noteId}/pdf`);
    expect(served.bytes.equals(record!.pdf)).toBe(true);
    expect(pdfText(served.bytes)).toContain(record!.number);
  });
});
