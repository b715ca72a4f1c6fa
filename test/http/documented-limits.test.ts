// The limits the OpenAPI document states for the member forms are the limits the server enforces: the longest documented value is taken, one more character is refused on that field.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAndSignIn } from '../helpers/member-session.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let memberCookie: string;

interface Property {
  type?: string | string[];
  maxLength?: number;
  anyOf?: Property[];
}
interface OpenApiDocument {
  components: { schemas: Record<string, { properties: Record<string, Property> }> };
}

/** The documented maximum of each string property of a component schema. */
async function documentedMaxima(component: string): Promise<Record<string, number>> {
  const doc = (await (await t.request('/api/openapi.json')).json()) as OpenApiDocument;
  const maxima: Record<string, number> = {};
  for (const [name, property] of Object.entries(doc.components.schemas[component]!.properties)) {
    const max = property.maxLength ?? property.anyOf?.find((option) => option.maxLength)?.maxLength;
    if (max !== undefined) maxima[name] = max;
  }
  return maxima;
}

/** A valid value of exactly `length` characters for the free-text fields; null where a format fixes the value. */
function validOfLength(field: string, length: number, serial: number): string | null {
  if (field === 'nameKana') return 'ア'.repeat(length);
  if (field === 'email') {
    // local part (64 at most) @ labels of up to 63 characters, to exactly `length`.
    const local = `m${serial}`.padEnd(20, 'x');
    let domain = '';
    let remaining = length - local.length - 1 - '.jp'.length;
    while (remaining > 0) {
      const label = Math.min(remaining, 63);
      domain += `${'d'.repeat(label)}.`;
      remaining -= label + 1;
    }
    const value = `${local}@${domain.replace(/\.$/, '')}.jp`;
    return value.length === length
      ? value
      : `${local.slice(0, local.length - (value.length - length))}@${domain.replace(/\.$/, '')}.jp`;
  }
  if (['name', 'companyName', 'department', 'city', 'street', 'building'].includes(field))
    return 'あ'.repeat(length);
  return null;
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  memberCookie = (
    await registerAndSignIn(t, { loginId: 'limits.member', name: '上限 確認', email: 'limits@example.jp' })
  ).browser.cookie;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

function post(body: unknown): Promise<Response> {
  return t.request('/api/members', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function patch(body: unknown): Promise<Response> {
  return t.request('/api/mypage/profile', {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie: memberCookie },
    body: JSON.stringify(body),
  });
}

async function refusedOn(res: Response, field: string): Promise<boolean> {
  if (res.status !== 422) return false;
  const problem = (await res.json()) as { errors?: { path: string; code: string }[] };
  return (problem.errors ?? []).some((e) => e.path === field && e.code === 'too_big');
}

describe('documented limits are the enforced limits', () => {
  it('registration: every text field takes its documented maximum and refuses one character more', async () => {
    const maxima = await documentedMaxima('MemberRegistration');
    // The document states the module's numbers (it said 1000 for the name while the server refused 101).
    expect(maxima).toMatchObject({
      name: 100,
      nameKana: 100,
      email: 254,
      city: 100,
      street: 200,
      loginId: 64,
    });
    let serial = 0;
    const failures: string[] = [];
    for (const [field, max] of Object.entries(maxima)) {
      serial++;
      const base = fullRegistration({ loginId: `limits.${serial}`, email: `limits.${serial}@example.jp` });
      const longest = validOfLength(field, max, serial);
      if (longest !== null) {
        expect(longest.length).toBe(max);
        const res = await post({ ...base, [field]: longest });
        if (res.status !== 201) failures.push(`${field} at ${max} → ${res.status} ${await res.text()}`);
      }
      const tooLong = (longest ?? 'a'.repeat(max)) + (field === 'nameKana' ? 'ア' : 'a');
      if (!(await refusedOn(await post({ ...base, loginId: `limits.x${serial}`, [field]: tooLong }), field)))
        failures.push(`${field} at ${max + 1} was not refused as too long`);
    }
    expect(failures).toEqual([]);
  });

  it('profile: every text field takes its documented maximum and refuses one character more', async () => {
    const maxima = await documentedMaxima('MemberProfilePatch');
    expect(maxima).toMatchObject({ name: 100, nameKana: 100, city: 100, street: 200, building: 200 });
    const failures: string[] = [];
    for (const [field, max] of Object.entries(maxima)) {
      const longest = validOfLength(field, max, 0);
      if (longest !== null) {
        const res = await patch({ [field]: longest });
        if (res.status !== 200) failures.push(`${field} at ${max} → ${res.status} ${await res.text()}`);
      }
      const tooLong = (longest ?? 'a'.repeat(max)) + (field === 'nameKana' ? 'ア' : 'a');
      if (!(await refusedOn(await patch({ [field]: tooLong }), field)))
        failures.push(`${field} at ${max + 1} was not refused as too long`);
    }
    expect(failures).toEqual([]);
  });
});
