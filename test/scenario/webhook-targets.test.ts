// Webhook targets cannot reach internal machines: every address a URL's host has is checked when it is saved and again at each delivery, and the POST goes to the address that was checked.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogProviders } from '../../src/db/schema/catalog.js';
import { webhookEndpoints, webhookMessages } from '../../src/db/schema/notifications.js';
import {
  deliverWebhook,
  enqueueWebhook,
  WebhookDeliveryError,
  webhookSecretKey,
} from '../../src/modules/notifications/index.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

let t: TestApp;
let owner: SignedInOperator;
let receiver: WebhookReceiver;
let receiverPort: string;
let serial = 0;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  receiverPort = new URL(receiver.url).port;
  t = await createTestApp();
  // The worker mails the sign-in code; it stops before the tests, which deliver each message themselves.
  const jobs = await t.startWorker();
  owner = await operatorSignedIn(t, 'hooks.owner', ['owner']);
  await jobs.stop();
  delete t.ctx.jobs;
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

interface Problem {
  code: string;
  title: string;
  detail: string;
  addressKind?: string;
  errors: { path: string; code: string }[];
}

/** Registers a provider with this webhook; the answer and the problem, if any. */
async function registerProvider(webhook: Record<string, unknown>) {
  serial++;
  const slug = `hook-partner-${serial}`;
  const res = await owner.browser.send('/api/admin/catalog/providers', 'POST', {
    slug,
    nameJa: `提供元${serial}`,
    nameEn: `Partner ${serial}`,
    contactEmails: [`ops${serial}@partner.example`],
    ...webhook,
  });
  return { slug, status: res.status, body: (await res.json()) as Problem & Record<string, unknown> };
}

async function providerCount(slug: string): Promise<number> {
  return (await t.ctx.db.select().from(catalogProviders).where(eq(catalogProviders.slug, slug))).length;
}

async function endpointOf(providerId: string) {
  const [provider] = await t.ctx.db
    .select()
    .from(catalogProviders)
    .where(eq(catalogProviders.id, providerId));
  const [endpoint] = await t.ctx.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, provider!.webhookEndpointId!));
  return endpoint!;
}

async function queueMessage(endpointId: string): Promise<string> {
  return t.ctx.db.transaction((tx) =>
    enqueueWebhook(tx, { endpointId, eventType: 'provisioning.requested', data: {}, now: t.clock.now() }),
  );
}

function deliver(messageId: string) {
  return deliverWebhook(t.ctx.db, {
    messageId,
    sealingKey: webhookSecretKey(t.ctx.config.secret),
    now: t.clock.now(),
    lastAttempt: false,
    resolver: t.hosts,
  });
}

async function messageRow(id: string) {
  const [row] = await t.ctx.db.select().from(webhookMessages).where(eq(webhookMessages.id, id));
  return row!;
}

describe('at save', () => {
  const internalNames: [string, string[], string][] = [
    ['loopback.partner.test', ['127.0.0.1'], 'loopback'],
    ['loopback-high.partner.test', ['127.255.0.9'], 'loopback'],
    ['loopback6.partner.test', ['::1'], 'loopback'],
    ['ten.partner.test', ['10.1.2.3'], 'private'],
    ['one-seven-two.partner.test', ['172.16.5.4'], 'private'],
    ['one-seven-two-top.partner.test', ['172.31.255.1'], 'private'],
    ['one-nine-two.partner.test', ['192.168.0.10'], 'private'],
    ['link-local.partner.test', ['169.254.10.1'], 'link_local'],
    ['link-local6.partner.test', ['fe80::1'], 'link_local'],
    ['unique-local.partner.test', ['fd12:3456::1'], 'unique_local'],
    ['unique-local-fc.partner.test', ['fc00::7'], 'unique_local'],
    ['cgnat.partner.test', ['100.64.0.1'], 'shared'],
    ['unspecified.partner.test', ['0.0.0.0'], 'unspecified'],
    ['unspecified6.partner.test', ['::'], 'unspecified'],
    ['multicast.partner.test', ['224.0.0.1'], 'multicast'],
    ['multicast6.partner.test', ['ff02::1'], 'multicast'],
    ['mapped-loopback.partner.test', ['::ffff:127.0.0.1'], 'loopback'],
    ['mapped-private.partner.test', ['::ffff:10.0.0.1'], 'private'],
    ['mapped-metadata.partner.test', ['::ffff:169.254.169.254'], 'metadata'],
    ['metadata.partner.test', ['169.254.169.254'], 'metadata'],
    ['metadata6.partner.test', ['fd00:ec2::254'], 'metadata'],
    // One internal address among public ones is enough: the connection could go to any of them.
    ['mixed.partner.test', ['203.0.113.10', '10.0.0.5'], 'private'],
  ];

  it('refuses a name that resolves to each kind of internal address, over https, and saves nothing', async () => {
    const answers: [string, number, string, string | undefined, string[][]][] = [];
    for (const [name, addresses] of internalNames) {
      t.hosts.set(name, addresses);
      const { slug, status, body } = await registerProvider({ webhookUrl: `https://${name}/hooks/keiyaku` });
      answers.push([name, status, body.code, body.addressKind, body.errors.map((e) => [e.path, e.code])]);
      expect(await providerCount(slug)).toBe(0);
    }
    expect(answers).toEqual(
      internalNames.map(([name, , kind]) => [
        name,
        422,
        'webhook_target_not_allowed',
        kind,
        [['webhookUrl', 'webhook_target_not_allowed']],
      ]),
    );
  });

  it('names the host, the address and its kind in Japanese and English', async () => {
    t.hosts.set('internal-admin.partner.test', ['10.0.0.8']);
    const res = await owner.browser.send(
      '/api/admin/catalog/providers',
      'POST',
      {
        slug: 'hook-message',
        nameJa: '提供元',
        nameEn: 'Partner',
        contactEmails: ['ops@partner.example'],
        webhookUrl: 'https://internal-admin.partner.test/hook',
      },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(422);
    expect((await res.json()).detail).toBe(
      'The webhook target internal-admin.partner.test resolves to 10.0.0.8, a private network address, which webhooks may not reach. For a provider on the same network, add its range to the allowed networks.',
    );
    const ja = await registerProvider({ webhookUrl: 'https://internal-admin.partner.test/hook' });
    expect(ja.body.detail).toBe(
      'Webhook の送信先 internal-admin.partner.test は 10.0.0.8（プライベートネットワークのアドレス）を指すため使えません。同じネットワークにある提供元なら、許可するネットワーク（CIDR）に追加してください。',
    );
  });

  it('refuses literal internal addresses, plain http or https, and asks nobody to resolve them', async () => {
    const lookupsBefore = t.hosts.lookups.length;
    const literals: [string, string][] = [
      ['http://127.0.0.1:22/', 'loopback'],
      ['http://[::1]:3000/api/admin/store', 'loopback'],
      ['https://127.0.0.1/hook', 'loopback'],
      ['https://10.0.0.1/hook', 'private'],
      ['https://192.168.1.1:8443/hook', 'private'],
      ['https://169.254.169.254/latest/meta-data/', 'metadata'],
      ['https://[fd00:ec2::254]/latest', 'metadata'],
      ['https://[::ffff:7f00:1]/hook', 'loopback'],
      ['https://[fe80::1]/hook', 'link_local'],
      ['https://100.100.100.200/hook', 'shared'],
      ['https://0.0.0.0/hook', 'unspecified'],
    ];
    const answers: [string, number, string, string | undefined][] = [];
    for (const [url] of literals) {
      const { status, body } = await registerProvider({ webhookUrl: url });
      answers.push([url, status, body.code, body.addressKind]);
    }
    expect(answers).toEqual(literals.map(([url, kind]) => [url, 422, 'webhook_target_not_allowed', kind]));
    expect(t.hosts.lookups.length).toBe(lookupsBefore);
  });

  it('takes a public address over https, refuses plain http to it, and takes a name that does not resolve yet', async () => {
    t.hosts.set('hooks.public-partner.test', ['203.0.113.10', '2400:4050::10']);
    const saved = await registerProvider({ webhookUrl: 'https://hooks.public-partner.test/keiyaku' });
    expect([saved.status, saved.body.webhookUrl, saved.body.webhookAllowedNetworks]).toEqual([
      201,
      'https://hooks.public-partner.test/keiyaku',
      [],
    ]);
    const http = await registerProvider({ webhookUrl: 'http://hooks.public-partner.test/keiyaku' });
    expect([http.status, http.body.code]).toEqual([422, 'webhook_url_invalid']);
    // Nothing to check yet; every delivery resolves it again and checks what it finds then.
    const later = await registerProvider({ webhookUrl: 'https://not-yet-in-dns.partner.test/keiyaku' });
    expect(later.status).toBe(201);
  });

  it('refuses a change of URL to an internal name and keeps the old URL', async () => {
    t.hosts.set('hooks.change-partner.test', ['203.0.113.20']);
    t.hosts.set('intranet.change-partner.test', ['192.168.10.5']);
    const saved = await registerProvider({ webhookUrl: 'https://hooks.change-partner.test/keiyaku' });
    const res = await owner.browser.send(`/api/admin/catalog/providers/${saved.body.id}`, 'PATCH', {
      webhookUrl: 'https://intranet.change-partner.test/keiyaku',
    });
    const body = await res.json();
    expect([res.status, body.code, body.addressKind]).toEqual([422, 'webhook_target_not_allowed', 'private']);
    expect((await endpointOf(saved.body.id as string)).url).toBe('https://hooks.change-partner.test/keiyaku');
  });
});

describe('the allowed networks', () => {
  it('let the listed range through and nothing else, plain http included', async () => {
    t.hosts.set('erp.same-network.test', ['10.20.3.4']);
    t.hosts.set('other.same-network.test', ['10.21.0.1']);
    t.hosts.set('loopback.same-network.test', ['127.0.0.1']);
    const allowed = await registerProvider({
      webhookUrl: 'http://erp.same-network.test:8080/keiyaku',
      webhookAllowedNetworks: ['10.20.0.0/16'],
    });
    expect([allowed.status, allowed.body.webhookAllowedNetworks]).toEqual([201, ['10.20.0.0/16']]);
    const outside = await registerProvider({
      webhookUrl: 'https://other.same-network.test/keiyaku',
      webhookAllowedNetworks: ['10.20.0.0/16'],
    });
    expect([outside.status, outside.body.code, outside.body.addressKind]).toEqual([
      422,
      'webhook_target_not_allowed',
      'private',
    ]);
    const loopback = await registerProvider({
      webhookUrl: 'https://loopback.same-network.test/keiyaku',
      webhookAllowedNetworks: ['10.20.0.0/16'],
    });
    expect([loopback.status, loopback.body.addressKind]).toEqual([422, 'loopback']);
    const single = await registerProvider({
      webhookUrl: 'https://127.0.0.2/keiyaku',
      webhookAllowedNetworks: ['127.0.0.1'],
    });
    expect([single.status, single.body.addressKind]).toEqual([422, 'loopback']);
  });

  it('must be CIDR ranges', async () => {
    const bad = await registerProvider({
      webhookUrl: 'https://10.20.0.9/keiyaku',
      webhookAllowedNetworks: ['10.20.0.0/16', '10.20.0.0/33', 'intranet'],
    });
    expect([bad.status, bad.body.code, bad.body.errors.map((e) => [e.path, e.code])]).toEqual([
      422,
      'validation_failed',
      [
        ['webhookAllowedNetworks.1', 'cidr_invalid'],
        ['webhookAllowedNetworks.2', 'cidr_invalid'],
      ],
    ]);
  });

  it('are changed on their own through the provider, audited with before and after', async () => {
    t.hosts.set('erp.audited.test', ['10.30.0.4']);
    const saved = await registerProvider({
      webhookUrl: 'https://erp.audited.test/keiyaku',
      webhookAllowedNetworks: ['10.30.0.0/16'],
    });
    expect(saved.status).toBe(201);
    const res = await owner.browser.send(`/api/admin/catalog/providers/${saved.body.id}`, 'PATCH', {
      webhookAllowedNetworks: ['10.30.0.0/24', 'fd00:30::/64'],
    });
    expect([res.status, (await res.json()).webhookAllowedNetworks]).toEqual([
      200,
      ['10.30.0.0/24', 'fd00:30::/64'],
    ]);
    const endpoint = await endpointOf(saved.body.id as string);
    expect(endpoint.allowedPrivateNetworks).toEqual(['10.30.0.0/24', 'fd00:30::/64']);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'webhook_endpoint'), eq(auditLog.targetId, endpoint.id)))
      .orderBy(asc(auditLog.at), asc(auditLog.action));
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([
      [
        'webhook_endpoint.created',
        null,
        {
          url: 'https://erp.audited.test/keiyaku',
          description: `provisioning: ${saved.slug} (${saved.body.id})`,
          allowedPrivateNetworks: ['10.30.0.0/16'],
        },
      ],
      [
        'webhook_endpoint.networks_changed',
        { allowedPrivateNetworks: ['10.30.0.0/16'] },
        { allowedPrivateNetworks: ['10.30.0.0/24', 'fd00:30::/64'] },
      ],
    ]);
  });
});

describe('at delivery', () => {
  it('connects to the checked address and keeps the name in the Host header', async () => {
    // The name exists only in the test's table: the POST can reach the receiver only through the pinned address.
    t.hosts.set('hooks.pinned-partner.test', ['127.0.0.1']);
    const saved = await registerProvider({
      webhookUrl: `http://hooks.pinned-partner.test:${receiverPort}/hooks/keiyaku`,
      webhookAllowedNetworks: ['127.0.0.1/32'],
    });
    expect(saved.status).toBe(201);
    const messageId = await queueMessage((await endpointOf(saved.body.id as string)).id);
    const before = receiver.received.length;
    expect(await deliver(messageId)).toBe('delivered');
    expect(receiver.received.length).toBe(before + 1);
    const hook = receiver.received.at(-1)!;
    expect([hook.path, hook.headers.host, hook.headers['webhook-id']]).toEqual([
      '/hooks/keiyaku',
      `hooks.pinned-partner.test:${receiverPort}`,
      messageId,
    ]);
  });

  it('does not deliver to a name that was public at save and resolves to 127.0.0.1 now', async () => {
    t.hosts.set('rebind.partner.test', ['203.0.113.30']);
    const saved = await registerProvider({ webhookUrl: 'https://rebind.partner.test/keiyaku' });
    expect(saved.status).toBe(201);
    const messageId = await queueMessage((await endpointOf(saved.body.id as string)).id);
    t.hosts.set('rebind.partner.test', ['127.0.0.1']);
    expect(await deliver(messageId)).toBe('target-refused');
    const row = await messageRow(messageId);
    expect([row.status, row.attempts, row.lastStatusCode, row.lastError]).toEqual([
      'failed',
      1,
      null,
      'not delivered: rebind.partner.test resolves to 127.0.0.1, a loopback address outside the allowed networks; no connection was made',
    ]);
  });

  it('makes no connection when an allowed name moves outside the allowed networks', async () => {
    // Saved while it pointed into the allowed network; the receiver on 127.0.0.1 would see any connection.
    t.hosts.set('moving.partner.test', ['192.168.50.10']);
    const saved = await registerProvider({
      webhookUrl: `http://moving.partner.test:${receiverPort}/hooks/keiyaku`,
      webhookAllowedNetworks: ['192.168.50.0/24'],
    });
    expect(saved.status).toBe(201);
    const messageId = await queueMessage((await endpointOf(saved.body.id as string)).id);
    t.hosts.set('moving.partner.test', ['127.0.0.1']);
    const before = receiver.received.length;
    expect(await deliver(messageId)).toBe('target-refused');
    expect(receiver.received.length).toBe(before);
    expect((await messageRow(messageId)).lastError).toBe(
      'not delivered: moving.partner.test resolves to 127.0.0.1, a loopback address outside the allowed networks; no connection was made',
    );
  });

  it('does not follow a redirect: a 302 is a failed attempt and the Location is never asked', async () => {
    const saved = await registerProvider({
      webhookUrl: receiver.url,
      webhookAllowedNetworks: ['127.0.0.1/32'],
    });
    expect(saved.status).toBe(201);
    const messageId = await queueMessage((await endpointOf(saved.body.id as string)).id);
    const before = receiver.received.length;
    receiver.answerNext(302);
    const error = await deliver(messageId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect((error as WebhookDeliveryError).statusCode).toBe(302);
    expect(receiver.received.slice(before).map((r) => r.path)).toEqual(['/hooks/keiyaku']);
    const row = await messageRow(messageId);
    expect([row.status, row.attempts, row.lastStatusCode, row.lastError]).toEqual([
      'pending',
      1,
      302,
      'HTTP 302 (redirects are not followed)',
    ]);
  });
});
