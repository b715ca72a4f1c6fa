// A member's browser for the benchmarks: a cookie jar over fetch, and registration through the public routes up to a signed-in session.
import { listDevMailbox } from '../src/modules/notifications/index.js';
import type { startNode } from '../src/runtime.js';
import { sleep } from './support.js';

export const PASSWORD = 'Kei-yaku2026!';

/** A cookie jar over fetch, sending the Origin the store trusts as a browser would. */
export class Client {
  private cookies = new Map<string, string>();

  /** The Cookie header the jar would send, for a load generator signed in as this member. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

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
        cookie: this.cookieHeader(),
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

/** Registers, confirms and signs in one member through the public routes; answers the member's id. */
export async function signedInMember(
  node: Awaited<ReturnType<typeof startNode>>,
  client: Client,
): Promise<string> {
  // A PostgreSQL benchmark database outlives the run, so each run registers a member of its own.
  const loginId = `bench-${Date.now().toString(36)}`;
  const email = `${loginId}@example.jp`;
  const registered = await client.send('/api/members', 'POST', {
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
  return String(registered.memberId);
}
