// Benchmark 5: how long a member's order takes over real HTTP, step by step: add to cart, read the checkout, confirm, place.
import type { Config } from '../src/config.js';
import { seedDemoCatalog } from '../src/flows/seed-demo-catalog.js';
import { startNode } from '../src/runtime.js';
import { Client, signedInMember } from './member-client.js';
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
  timed,
} from './support.js';

/** Orders placed one after another by one member; each is a whole checkout, not a replay. */
const ORDERS = 60;
const WARMUP_ORDERS = 5;
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
