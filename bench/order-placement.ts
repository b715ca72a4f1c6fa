// Benchmark 5: how long a member's order takes over real HTTP, step by step: add to cart, read the checkout, confirm, place.
import type { Config } from '../src/config.js';
import { seedDemoCatalog } from '../src/flows/seed-demo-catalog.js';
import { listDevMailbox } from '../src/modules/notifications/index.js';
import { startNode } from '../src/runtime.js';
import {
  embeddedConfig,
  median,
  onScratch,
  percentile,
  postgresConfig,
  progress,
  type ResultRow,
  round,
  type Section,
  sleep,
  timed,
} from './support.js';

/** Orders placed one after another by one member; each is a whole checkout, not a replay. */
const ORDERS = 60;
const WARMUP_ORDERS = 5;
const PASSWORD = 'Kei-yaku2026!';
const STEPS = ['add to cart', 'read checkout', 'confirm', 'place order'] as const;
type Step = (typeof STEPS)[number];

/** The seeds' rental server as a member orders it: 12 months, quick SSL and backup, paid by bank transfer. */
const ITEM = {
  product: 'rental-server-x10',
  plan: 'x10',
  term: '12m',
  options: [{ code: 'ssl-quick' }, { code: 'backup' }],
};
const ORDER_FIELDS = { domain: 'bench.example.jp', server_id: 'bench-01' };

/** A cookie jar over fetch, sending the Origin the store trusts as a browser would. */
class Client {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly origin: string,
  ) {}

  async send(path: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...headers,
        origin: this.origin,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      this.cookies.set(name.trim(), value.join('='));
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
}

/** Waits for the nth mail to an address in the dev mailbox (the worker delivers the outbox). */
async function mailText(node: Awaited<ReturnType<typeof startNode>>, to: string, count: number) {
  for (let i = 0; i < 200; i += 1) {
    const mails = (await listDevMailbox(node.context.db, 50)).filter((m) => m.to === to);
    if (mails.length >= count) return mails.sort((a, b) => a.id.localeCompare(b.id)).at(count - 1)!.text;
    await sleep(100);
  }
  throw new Error(`no mail ${count} to ${to}`);
}

/** Registers, confirms and signs in one member through the public routes. */
async function signedInMember(node: Awaited<ReturnType<typeof startNode>>, client: Client) {
  // A PostgreSQL benchmark database outlives the run, so each run registers a member of its own.
  const loginId = `bench-${Date.now().toString(36)}`;
  const email = `${loginId}@example.jp`;
  await client.send('/api/members', 'POST', {
    memberKind: 'individual',
    loginId,
    password: PASSWORD,
    name: '性能 太郎',
    nameKana: 'セイノウ タロウ',
    email,
    companyName: null,
    department: null,
    postalCode: '100-0005',
    prefecture: '東京都',
    city: '千代田区',
    street: '丸の内1-1-1',
    building: null,
    phone: '03-1234-5678',
    secondFactorChannel: 'email',
    mobilePhone: null,
    marketingOptIn: false,
    termsVersion: '2026-04-01',
    privacyPolicyVersion: '2026-04-01',
  });
  const link = await mailText(node, email, 1);
  const token = decodeURIComponent(/\/register\/confirm\?token=([A-Za-z0-9_%-]+)/.exec(link)![1]!);
  await client.send('/api/members/confirm-email', 'POST', { token });
  await client.send('/api/sessions', 'POST', { loginId, password: PASSWORD });
  // Confirmation, "registration complete", then the sign-in code.
  const code = /(?:コード|code is): (\d{6})/.exec(await mailText(node, email, 3))![1]!;
  await client.send('/api/sessions/verify-code', 'POST', { code });
}

interface CheckoutAnswer {
  customerContact: unknown;
  billingContact: unknown;
  lines: { itemId: string }[];
  consents: { documentKey: string; version: string }[];
}

/** One whole order, each step timed. */
async function placeOne(client: Client, key: string): Promise<Record<Step, number>> {
  const times = {} as Record<Step, number>;
  times['add to cart'] = (await timed(() => client.send('/api/store/cart/items', 'POST', ITEM))).ms;
  const read = await timed(() => client.send('/api/mypage/checkout', 'GET'));
  times['read checkout'] = read.ms;
  const checkout = read.result as unknown as CheckoutAnswer;
  const input = {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    orderFields: Object.fromEntries(checkout.lines.map((line) => [line.itemId, ORDER_FIELDS])),
    paymentMethod: 'bank_transfer',
    consents: checkout.consents.map((c) => ({ documentKey: c.documentKey, version: c.version })),
  };
  const confirmed = await timed(() => client.send('/api/mypage/checkout/confirm', 'POST', input));
  times.confirm = confirmed.ms;
  const quote = (confirmed.result as { quote: string }).quote;
  times['place order'] = (
    await timed(() =>
      client.send(
        '/api/mypage/orders',
        'POST',
        { ...input, quote },
        { 'idempotency-key': `bench-order-${key}` },
      ),
    )
  ).ms;
  return times;
}

async function measureOn(target: string, config: Config, seed: boolean): Promise<Section> {
  const node = await startNode({ config, role: 'all' });
  try {
    if (!node.url) throw new Error('node did not listen');
    if (seed) {
      await seedDemoCatalog(node.context.db, {
        actor: { kind: 'cli', id: 'bench' },
        now: node.context.clock.now(),
        onlyIfEmpty: true,
      });
    }
    const client = new Client(node.url, new URL(config.publicUrl).origin);
    await signedInMember(node, client);
    const run = Date.now().toString(36);
    for (let i = 0; i < WARMUP_ORDERS; i += 1) await placeOne(client, `${run}-warmup-${i}`);
    const samples: Record<Step, number[]> = Object.fromEntries(STEPS.map((s) => [s, []])) as never;
    const wholes: number[] = [];
    const started = performance.now();
    for (let i = 0; i < ORDERS; i += 1) {
      const times = await placeOne(client, `${run}-${i}`);
      for (const step of STEPS) samples[step].push(times[step]);
      wholes.push(STEPS.reduce((sum, step) => sum + times[step], 0));
    }
    const elapsed = performance.now() - started;
    const rows: ResultRow[] = [
      {
        metric: 'orders placed one after another',
        value: round((ORDERS * 1000) / elapsed),
        unit: 'orders/s',
        note: `${ORDERS} whole checkouts by one member (rental server, 2 options, bank transfer) after ${WARMUP_ORDERS} unmeasured`,
      },
      { metric: 'whole checkout p50', value: round(median(wholes)), unit: 'ms' },
    ];
    for (const step of STEPS) {
      const sorted = [...samples[step]].sort((a, b) => a - b);
      rows.push({ metric: `${step} p50`, value: round(percentile(sorted, 50)), unit: 'ms' });
      rows.push({ metric: `${step} p95`, value: round(percentile(sorted, 95)), unit: 'ms' });
    }
    progress(`${target}: ${rows[0]!.value} orders/s, whole checkout p50 ${rows[1]!.value} ms`);
    return { benchmark: 'orders', target, rows, details: { orders: ORDERS, warmup: WARMUP_ORDERS, samples } };
  } finally {
    await node.stop();
  }
}

/** On an embedded node over a new data folder (the first start seeds the demo catalog). */
export async function ordersEmbedded(): Promise<Section> {
  return onScratch('orders', embeddedConfig, (config) => measureOn('pglite (disk)', config, false));
}

/** On PostgreSQL (the demo catalog seeded first when the database has none). */
export async function ordersPostgres(url: string): Promise<Section> {
  return onScratch(
    'orders-pg',
    (dir) => postgresConfig(url, dir),
    (config) => measureOn('postgres', config, true),
  );
}
