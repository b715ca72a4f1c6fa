// Browser test of the console's licences: the owner searches a demo licence by part of its number, opens it, sees the machine the product validated from and its validation, and imports a CSV of printed packages, in Japanese and English.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  field,
  launchBrowser,
  PageWatch,
  type RunningServer,
  shot,
  signInAsOperator,
  startServer,
} from './support';

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
let watch: PageWatch;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watch = new PageWatch(browser);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  expect(await watch.finish()).toEqual([]);
});

describe('licences in the console', () => {
  it('finds a demo licence, shows its machine and validation, and imports printed packages', async () => {
    // The product on a customer's machine asks at start-up (the demo's printed package 2026-0401-0015).
    const validated = await fetch(`${baseUrl}/api/license/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        registrationNumber: '2026-0401-0015',
        installKey: 'DEMO2-PACK2-AGE22-BBBBB-33333',
        machineFingerprint: 'e2e-office-pc',
        productVersion: '2026.2.1',
      }),
    });
    expect(((await validated.json()) as { code: string }).code).toBe('valid');

    const admin = await watch.open({ height: 1000 });
    await signInAsOperator(admin, baseUrl, smtp, await demoOwner(server.dataDir));
    await admin.getByRole('navigation').getByRole('link', { name: 'ライセンス', exact: true }).click();
    const all = admin.locator('tr[data-licence]');
    await expect.poll(() => all.count()).toBe(5);
    await shot(admin, 'admin-licences.png', { fullPage: true });

    await field(admin, '製品登録番号').fill('04010015');
    await admin.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => all.count()).toBe(1);
    const row = admin.locator('tr[data-licence="2026-0401-0015"]');
    expect(await row.innerText()).toContain('パッケージ版');
    expect(await row.innerText()).toContain('1台 / 2台まで');
    await row.getByRole('link', { name: '2026-0401-0015' }).click();
    await expect.poll(() => admin.getByTestId('licence-number').isVisible()).toBe(true);
    const machine = admin.locator('tr[data-machine="e2e-office-pc"]');
    await expect.poll(() => machine.isVisible()).toBe(true);
    expect(await machine.innerText()).toContain('2026.2.1');
    const main = await admin.locator('main').innerText();
    expect(main).toContain('取り込み(契約なし)');
    expect(main).toContain('検証の記録');
    await shot(admin, 'admin-licence.png', { fullPage: true });
    await admin.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => admin.getByText('Imported (no contract)').isVisible()).toBe(true);
    await shot(admin, 'admin-licence-en.png', { fullPage: true });
    await admin.getByRole('link', { name: 'Back to licences' }).click();
    await expect.poll(() => all.count()).toBe(5);
    await shot(admin, 'admin-licences-en.png', { fullPage: true });
    await admin.getByRole('button', { name: '日本語' }).click();

    // Two printed packages from a CSV file.
    await admin.goto(`${baseUrl}/admin/licences`);
    await expect.poll(() => all.count()).toBe(5);
    await field(admin, '基本使用サービスの有効期限').fill('2027-09-30');
    await admin.locator('input[type="file"]').setInputFiles({
      name: 'packages.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'registration_number,install_key,edition\n5555-0000-1111,KEYAA-KEYBB-KEYCC-KEYDD-KEYEE,package\n5555-0000-2222,KEYFF-KEYGG-KEYHH-KEYJJ-KEYKK,download\n',
      ),
    });
    await admin.getByRole('button', { name: '取り込む' }).click();
    await expect.poll(() => admin.getByText('2件のライセンスを取り込みました。').isVisible()).toBe(true);
    await expect.poll(() => all.count()).toBe(7);
    expect(await admin.locator('tr[data-licence="5555-0000-2222"]').innerText()).toContain('ダウンロード版');
    await shot(admin, 'admin-licences-imported.png', { fullPage: true });
  });
});
