// The printable estimate: a real PDF whose text (pdftotext) shows the product, the yen and the simulation notice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const folder = mkdtempSync(join(tmpdir(), 'keiyaku-estimate-pdf-'));

beforeAll(async () => {
  t = await createTestApp({ clockStart: '2026-11-22T10:15:00+09:00' });
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
});
afterAll(async () => {
  await t.close();
});

async function pdfText(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await t.request('/api/store/estimates/pdf', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  // -layout keeps each table row on one line, so a row can be matched whole.
  return { res, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

const rentalServer = {
  product: 'rental-server-x10',
  plan: 'x10',
  term: '12m',
  options: [{ code: 'ssl-ev' }, { code: 'backup' }, { code: 'device-security', quantity: 3 }],
};

describe('POST /api/store/estimates/pdf', () => {
  it('prints the rental server estimate in Japanese with every line, tax per rate and the notice', async () => {
    const { res, text } = await pdfText(rentalServer);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="estimate-rental-server-x10.pdf"',
    );
    const compact = text.replace(/[ \t]+/g, ' ');
    expect(compact).toContain('料金シミュレーション結果');
    expect(compact).toContain('正式な見積書ではありません');
    expect(compact).toContain('作成日時: 2026-11-22 10:15 JST');
    expect(compact).toContain('X10プラン');
    expect(compact).toContain('契約期間: 12ヶ月');
    expect(compact).toMatch(/X10プラン 契約期間ごと 1 ¥13,200 ¥13,200 10%/);
    expect(compact).toMatch(/契約期間ごと 3 ¥3,600 ¥10,800 10%/);
    // Per term: ¥105,960 + tax ¥10,596 (10 %, rounded once) = ¥116,556; one-time ¥8,000 + ¥800.
    expect(compact).toContain('10%対象 ¥105,960');
    expect(compact).toContain('消費税 (10%) ¥10,596');
    expect(compact).toContain('合計（税込） ¥116,556');
    expect(compact).toContain('合計（税込） ¥8,800');
    expect(compact).toContain('合計（税込） ¥125,356');
    expect(compact).toContain('合計（税込） ¥9,713');
  });

  it('prints in English when asked, and refuses an impossible choice as the simulator does', async () => {
    const { text } = await pdfText({ ...rentalServer, locale: 'en' });
    const compact = text.replace(/[ \t]+/g, ' ');
    expect(compact).toContain('Price simulation');
    expect(compact).toContain('not a formal quotation');
    expect(compact).toContain('Total (incl. tax) ¥116,556');

    const bad = await t.request('/api/store/estimates/pdf', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...rentalServer, term: '5m' }),
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).code).toBe('estimate_term_not_offered');
  });
});
