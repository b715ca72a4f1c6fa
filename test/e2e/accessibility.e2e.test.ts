// Browser test of accessibility: axe-core on every page of the store, My Page and the admin console, in Japanese and English, with no serious or critical violation allowed. The pages come from the router, so a new page cannot be forgotten.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../../web/src/api/schema';
import { fullRegistration } from '../helpers/registration.js';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink';
import {
  demoOwner,
  launchBrowser,
  memberSessionCookie,
  PageWatch,
  type RunningServer,
  registerAndConfirm,
  repoRoot,
  shot,
  signInAsOperator,
  startServer,
} from './support';

declare global {
  interface Window {
    axe: typeof axe;
  }
}

let smtp: SmtpSink;
let server: RunningServer;
let baseUrl: string;
let browser: Browser;
/** One watched browser context per audience: a guest, the signed-in member and the signed-in owner. */
let watches: Record<'guest' | 'member' | 'owner', PageWatch>;

const member = {
  loginId: 'a11y.member',
  password: 'Kei-yaku2026!',
  name: '青木 花子',
  nameKana: 'アオキ ハナコ',
  email: 'a11y.member@example.jp',
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  watches = { guest: new PageWatch(browser), member: new PageWatch(browser), owner: new PageWatch(browser) };
  // A first start migrates and seeds the demo store, slowly on a busy machine.
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  const problems = await Promise.all(Object.values(watches).map((watch) => watch.finish()));
  expect(problems.flat()).toEqual([]);
});

/**
 * Every page pattern of the router in web/src/app.tsx: the absolute paths of its areas and, below each,
 * its children (`index: true` is the area itself), read from the source so this test needs no React.
 */
async function routerPatterns(): Promise<string[]> {
  const source = await readFile(join(repoRoot, 'web/src/app.tsx'), 'utf8');
  const patterns = new Set<string>();
  let area = '';
  for (const match of source.matchAll(/path:\s*'([^']*)'|index:\s*true/g)) {
    const path = match[1];
    if (path === undefined) {
      patterns.add(area);
    } else if (path.startsWith('/')) {
      area = path;
      patterns.add(path);
    } else {
      patterns.add(`${area === '/' ? '' : area}/${path}`);
    }
  }
  return [...patterns];
}

type Audience = 'guest' | 'member' | 'owner';
interface Visit {
  url: string;
  as: Audience;
}

/** A JSON request with a session cookie and the trusted Origin, as the web app sends it. */
function send(
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The member's order (rental server with an option, groupware trial), placed over the API as the checkout does. */
async function placeOrder(cookie: string): Promise<components['schemas']['OrderDetail']> {
  const items = [
    { product: 'rental-server-x10', plan: 'x10', term: '12m', options: [{ code: 'ssl-ov' }] },
    { product: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 5, trial: true },
  ];
  for (const item of items)
    expect((await send(cookie, 'POST', '/api/store/cart/items', item)).status).toBe(201);
  const checkout = (await (
    await send(cookie, 'GET', '/api/mypage/checkout')
  ).json()) as components['schemas']['Checkout'];
  const fields: Record<string, Record<string, string>> = {
    'rental-server-x10': { domain: 'aoki.example.jp', server_id: 'aoki-01' },
    'mirai-groupware': { tenant_domain: 'aoki.example.jp', admin_email: 'admin@aoki.example.jp' },
  };
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: Object.fromEntries(checkout.lines.map((l) => [l.itemId, fields[l.product.slug] ?? {}])),
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await send(cookie, 'POST', '/api/mypage/checkout/confirm', input);
  expect(confirmed.status).toBe(200);
  const { quote } = (await confirmed.json()) as components['schemas']['CheckoutConfirmation'];
  const placed = await send(
    cookie,
    'POST',
    '/api/mypage/orders',
    { ...input, quote },
    { 'idempotency-key': 'a11y-1' },
  );
  expect(placed.status).toBe(201);
  return (await placed.json()) as components['schemas']['OrderDetail'];
}

/** The member's inquiry, sent after the form token's minimum age (the server refuses a form sent at once). */
async function sendInquiry(cookie: string): Promise<string> {
  const tokenResponse = await send(cookie, 'GET', '/api/inquiries/form-token');
  const { token } = (await tokenResponse.json()) as { token: string };
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  const sent = await send(cookie, 'POST', '/api/inquiries', {
    category: 'start_date',
    subject: '利用開始日について',
    message: '利用開始日を教えてください。',
    formToken: token,
  });
  expect(sent.status).toBe(201);
  return ((await sent.json()) as { id: string }).id;
}

/** Adds a session cookie string (`a=1; b=2`) to the page's browser context. */
async function addCookies(page: Page, cookie: string): Promise<void> {
  await page.context().addCookies(
    cookie.split('; ').map((pair) => {
      const [name = '', ...value] = pair.split('=');
      return { name, value: value.join('='), url: baseUrl };
    }),
  );
}

/** Waits until the page has settled: no request in flight, no spinner, fonts loaded. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  await expect.poll(() => page.locator('#root').innerText()).not.toBe('');
}

/** axe's serious and critical violations on the page, one line each with the elements they concern. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join(' | ')}`,
    );
}

describe('accessibility of every page', () => {
  it('finds no serious or critical axe violation on any page of the router, in Japanese and in English', async () => {
    // The store's member, with an order, an inquiry and a cart waiting for checkout.
    const memberId = await registerAndConfirm(baseUrl, smtp, fullRegistration(member));
    const memberCookie = await memberSessionCookie(baseUrl, smtp, member, 1);
    const order = await placeOrder(memberCookie);
    const inquiryId = await sendInquiry(memberCookie);
    const cartItem = { product: 'rental-server-x10', plan: 'x10', term: '12m' };
    expect((await send(memberCookie, 'POST', '/api/store/cart/items', cartItem)).status).toBe(201);

    const pages: Record<Audience, Page> = {
      guest: await watches.guest.open({ bypassCsp: true }),
      member: await watches.member.open({ bypassCsp: true }),
      owner: await watches.owner.open({ bypassCsp: true }),
    };
    await addCookies(pages.member, memberCookie);
    await signInAsOperator(pages.owner, baseUrl, smtp, await demoOwner(server.dataDir));
    const ownerCookie = (await pages.owner.context().cookies(`${baseUrl}/api/admin/overview`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const adminJson = async <T>(path: string): Promise<T> => {
      const response = await send(ownerCookie, 'GET', path);
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };
    const { products } = await adminJson<{ products: { id: string; slug: string }[] }>(
      '/api/admin/catalog/products',
    );
    const { providers } = await adminJson<{ providers: { id: string }[] }>('/api/admin/catalog/providers');
    const productId = products.find((p) => p.slug === 'rental-server-x10')?.id ?? '';
    const providerId = providers[0]?.id ?? '';

    // Each pattern of the router and how to visit it; a pattern missing here fails the test below.
    const visits: Record<string, Visit> = {
      '/products/:slug/estimate': {
        url: '/products/rental-server-x10/estimate?plan=x10&term=12m&options=ssl-ov:1',
        as: 'guest',
      },
      '/': { url: '/', as: 'guest' },
      '/products': { url: '/products', as: 'guest' },
      '/products/:slug': { url: '/products/rental-server-x10', as: 'guest' },
      '/register': { url: '/register', as: 'guest' },
      '/register/confirm': { url: '/register/confirm?token=unknown', as: 'guest' },
      '/login': { url: '/login', as: 'guest' },
      '/password-reset': { url: '/password-reset', as: 'guest' },
      '/login-id-reminder': { url: '/login-id-reminder', as: 'guest' },
      '/terms/:kind': { url: '/terms/terms', as: 'guest' },
      '/inquiry': { url: '/inquiry', as: 'guest' },
      '/inquiry/received': { url: '/inquiry/received?number=Q-000001', as: 'guest' },
      '/documents/:key': { url: '/documents/backup-terms', as: 'guest' },
      '/cart': { url: '/cart', as: 'member' },
      '/checkout': { url: '/checkout', as: 'member' },
      '/checkout/complete/:orderId': { url: `/checkout/complete/${order.id}`, as: 'member' },
      '/*': { url: '/no-such-page', as: 'guest' },
      '/mypage': { url: '/mypage', as: 'member' },
      '/mypage/contracts': { url: '/mypage/contracts', as: 'member' },
      // No contract has started yet (the order's lines wait for provisioning): the page says it was not found.
      '/mypage/contracts/:contractId': { url: '/mypage/contracts/ctr_unknown', as: 'member' },
      '/mypage/contracts/:contractId/change': { url: '/mypage/contracts/ctr_unknown/change', as: 'member' },
      '/mypage/licences': { url: '/mypage/licences', as: 'member' },
      '/mypage/orders': { url: '/mypage/orders', as: 'member' },
      '/mypage/orders/:orderId': { url: `/mypage/orders/${order.id}`, as: 'member' },
      '/mypage/invoices': { url: '/mypage/invoices', as: 'member' },
      '/mypage/invoices/:invoiceId': { url: '/mypage/invoices/inv_unknown', as: 'member' },
      '/mypage/profile': { url: '/mypage/profile', as: 'member' },
      '/mypage/security': { url: '/mypage/security', as: 'member' },
      '/mypage/inquiries': { url: '/mypage/inquiries', as: 'member' },
      '/mypage/inquiries/:inquiryId': { url: `/mypage/inquiries/${inquiryId}`, as: 'member' },
      '/mypage/withdraw': { url: '/mypage/withdraw', as: 'member' },
      '/mypage/email-change/confirm': { url: '/mypage/email-change/confirm?token=unknown', as: 'member' },
      '/mypage/*': { url: '/mypage/no-such-page', as: 'member' },
      '/admin': { url: '/admin', as: 'owner' },
      '/admin/login': { url: '/admin/login', as: 'guest' },
      '/admin/mailbox': { url: '/admin/mailbox', as: 'owner' },
      // Mail goes to the SMTP peer here, so the dev mailbox is empty: the page says the mail is not there.
      '/admin/mailbox/:mailId': { url: '/admin/mailbox/mail_unknown', as: 'owner' },
      '/admin/inquiries': { url: '/admin/inquiries', as: 'owner' },
      '/admin/inquiries/:inquiryId': { url: `/admin/inquiries/${inquiryId}`, as: 'owner' },
      '/admin/settings': { url: '/admin/settings', as: 'owner' },
      '/admin/registrations': { url: '/admin/registrations', as: 'owner' },
      '/admin/members/:memberId/withdraw': { url: `/admin/members/${memberId}/withdraw`, as: 'owner' },
      '/admin/security': { url: '/admin/security', as: 'owner' },
      '/admin/members': { url: '/admin/members', as: 'owner' },
      '/admin/members/:memberId': { url: `/admin/members/${memberId}`, as: 'owner' },
      '/admin/operators': { url: '/admin/operators', as: 'owner' },
      '/admin/catalog': { url: '/admin/catalog', as: 'owner' },
      '/admin/catalog/products/new': { url: '/admin/catalog/products/new', as: 'owner' },
      '/admin/catalog/products/:productId': { url: `/admin/catalog/products/${productId}`, as: 'owner' },
      '/admin/catalog/providers': { url: '/admin/catalog/providers', as: 'owner' },
      '/admin/catalog/documents': { url: '/admin/catalog/documents', as: 'owner' },
      '/admin/orders': { url: '/admin/orders', as: 'owner' },
      '/admin/contracts': { url: '/admin/contracts', as: 'owner' },
      '/admin/contracts/:contractId': { url: '/admin/contracts/ctr_unknown', as: 'owner' },
      '/admin/licences': { url: '/admin/licences', as: 'owner' },
      '/admin/licences/:licenceId': { url: '/admin/licences/lic_unknown', as: 'owner' },
      '/admin/contract-requests': { url: '/admin/contract-requests', as: 'owner' },
      '/admin/orders/:orderId': { url: `/admin/orders/${order.id}`, as: 'owner' },
      '/admin/provisioning': { url: '/admin/provisioning', as: 'owner' },
      '/admin/billing-calendar': { url: '/admin/billing-calendar', as: 'owner' },
      '/admin/billing/runs': { url: '/admin/billing/runs', as: 'owner' },
      '/admin/billing/invoices': { url: '/admin/billing/invoices', as: 'owner' },
      // No month has been closed here: the page says the invoice was not found.
      '/admin/billing/invoices/:invoiceId': { url: '/admin/billing/invoices/inv_unknown', as: 'owner' },
      '/admin/billing/members/:memberId/ledger': {
        url: `/admin/billing/members/${memberId}/ledger`,
        as: 'owner',
      },
      '/admin/billing/documents': { url: '/admin/billing/documents', as: 'owner' },
      '/admin/deliveries': { url: '/admin/deliveries', as: 'owner' },
      '/admin/catalog/providers/:providerId/connection': {
        url: `/admin/catalog/providers/${providerId}/connection`,
        as: 'owner',
      },
      '/admin/*': { url: '/admin/no-such-page', as: 'owner' },
    };
    const patterns = await routerPatterns();
    // The three areas and the standalone estimate are all there: a parser that lost an area would pass vacuously.
    for (const area of ['/', '/mypage', '/admin', '/products/:slug/estimate'])
      expect(patterns).toContain(area);
    expect(patterns.filter((p) => !(p in visits))).toEqual([]);

    // The member's 404 answers for unknown tokens and ids are what those pages are for.
    for (const watch of Object.values(watches))
      watch.tolerated = [/status of 404/, /status of 400/, /status of 410/, /status of 422/];
    const found: string[] = [];
    for (const language of ['ja', 'en'] as const) {
      for (const page of Object.values(pages)) {
        await page.goto(`${baseUrl}/`);
        await page.evaluate((lang) => window.localStorage.setItem('keiyaku.language', lang), language);
      }
      for (const pattern of patterns) {
        const visit = visits[pattern] as Visit;
        const page = pages[visit.as];
        await page.goto(`${baseUrl}${visit.url}`);
        await settled(page);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        const slug = pattern.replace(/[/:*]+/g, '-').replace(/^-|-$/g, '') || 'home';
        await shot(page, `a11y-${language}-${slug}.png`);
        for (const violation of await seriousViolations(page))
          found.push(`${language} ${visit.url}: ${violation}`);
      }
    }
    expect(found).toEqual([]);
    // About a hundred pages, each loaded, drawn, photographed and checked.
  }, 1_200_000);
});
