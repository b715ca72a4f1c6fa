// Every string every route takes, read from the OpenAPI document: a control character, a lone surrogate or a noncharacter is a 422 naming the field, and nothing is written.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogProviders } from '../../src/db/schema/catalog.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { issueProviderApiKey } from '../../src/modules/provisioning/index.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn } from '../helpers/operator-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let memberCookie: string;
let operatorCookie: string;
let providerKey: string;

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  'x-multiline'?: boolean;
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** One string the API takes: where it goes and whether it is multi-line text. */
interface StringField {
  route: string;
  method: string;
  template: string;
  place: 'body' | 'query' | 'path' | 'header';
  /** The body path, `*` for a key of a free-form object, `0` for an array element. */
  path: string[];
  multiline: boolean;
}

function stringFields(doc: OpenApiDocument): StringField[] {
  const fields: StringField[] = [];
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    let current = schema;
    while (current?.$ref) current = doc.components.schemas[current.$ref.split('/').pop()!];
    return current;
  };
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const route = `${method.toUpperCase()} ${template}`;
      const add = (place: StringField['place'], path: string[], multiline: boolean) => {
        const key = `${place}:${path.join('.')}`;
        const known = fields.find((f) => f.route === route && `${f.place}:${f.path.join('.')}` === key);
        if (known) known.multiline ||= multiline;
        else fields.push({ route, method: method.toUpperCase(), template, place, path, multiline });
      };
      const walk = (raw: JsonSchema | undefined, path: string[], multiline: boolean, depth: number) => {
        const schema = resolve(raw);
        if (!schema || depth > 8) return;
        const marked = multiline || schema['x-multiline'] === true;
        for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
          walk(option, path, marked, depth + 1);
        // `{}` takes anything (the catalog bodies a module validates): strings with line breaks included.
        const described = Object.keys(schema).filter(
          (key) => !['description', 'example', 'title'].includes(key),
        );
        if (described.length === 0) add('body', path, true);
        const types = [schema.type ?? []].flat();
        if (types.includes('string')) add('body', path, marked);
        for (const [name, property] of Object.entries(schema.properties ?? {}))
          walk(property, [...path, name], false, depth + 1);
        if (typeof schema.additionalProperties === 'object')
          walk(schema.additionalProperties, [...path, '*'], false, depth + 1);
        if (schema.items) walk(schema.items, [...path, '0'], false, depth + 1);
      };
      for (const parameter of operation.parameters ?? []) {
        if (['query', 'path', 'header'].includes(parameter.in))
          add(parameter.in as StringField['place'], [parameter.name], false);
      }
      const body = operation.requestBody?.content['application/json']?.schema;
      if (body) walk(body, [], false, 0);
    }
  }
  return fields;
}

/** A body holding `value` at `path` and nothing else: the guard must answer before any other rule. */
function bodyWith(path: string[], value: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '0') return [bodyWith(rest, value)];
  return { [head === '*' ? 'anyKey' : head!]: bodyWith(rest, value) };
}

function send(field: StringField, value: string): Promise<Response> {
  const inPath = field.place === 'path' ? field.path[0] : null;
  const url = field.template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === inPath ? encodeURIComponent(value) : 'x_1',
  );
  const query =
    field.place === 'query' ? `?${encodeURIComponent(field.path[0]!)}=${encodeURIComponent(value)}` : '';
  const headers: Record<string, string> = {};
  if (field.template.startsWith('/api/admin/')) headers.cookie = operatorCookie;
  else if (field.template.startsWith('/api/provider/')) headers.authorization = `Bearer ${providerKey}`;
  else headers.cookie = memberCookie;
  if (field.place === 'header') headers[field.path[0]!] = value;
  else if (field.template === '/api/mypage/orders') headers['idempotency-key'] = 'hostile-text-key';
  // A DELETE carries a body only where the route takes one (a reason for freeing a licence's machine).
  const hasBody = field.method !== 'GET' && (field.method !== 'DELETE' || field.place === 'body');
  if (hasBody) headers['content-type'] = 'application/json';
  const body = field.place === 'body' ? JSON.stringify(bodyWith(field.path, value)) : '{}';
  return t.request(`${url}${query}`, { method: field.method, headers, ...(hasBody ? { body } : {}) });
}

/** Row counts of every table: a refused request leaves every one as it was. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.database.handle.executeSql(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows as { name: string }[]) {
    const result = await t.database.handle.executeSql(`select count(*)::int as n from "${name}"`);
    counts[name] = Number(result.rows[0]!.n);
  }
  return counts;
}

const hostile: Record<string, string> = {
  NUL: 'a\u0000b',
  'U+0001': 'a\u0001b',
  'lone U+D800': 'a\uD800b',
  'U+FFFE': 'a\uFFFEb',
};

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  memberCookie = (
    await registerAndSignIn(t, { loginId: 'hostile.member', name: '山田 花子', email: 'hostile@example.jp' })
  ).browser.cookie;
  operatorCookie = (await operatorSignedIn(t, 'hostile.owner', ['owner'])).browser.cookie;
  const [provider] = await t.ctx.db
    .select({ id: catalogProviders.id })
    .from(catalogProviders)
    .where(eq(catalogProviders.slug, 'mirai-soft'));
  providerKey = (
    await issueProviderApiKey(t.ctx.db, {
      providerId: provider!.id,
      label: 'hostile text',
      actor: { kind: 'cli', id: 'test' },
      now: t.clock.now(),
    })
  ).key;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('hostile characters in any string the API takes', () => {
  it('answer 422 validation_failed with forbidden_character on the field, for every route and field, writing nothing', {
    timeout: 300_000,
  }, async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as OpenApiDocument;
    const fields = stringFields(doc);
    // The registration and inquiry forms that answered 500 are among them.
    for (const expected of [
      'POST /api/members body:name',
      'POST /api/members body:city',
      'POST /api/inquiries body:message',
      'POST /api/inquiries body:subject',
    ]) {
      expect(fields.map((f) => `${f.route} ${f.place}:${f.path.join('.')}`)).toContain(expected);
    }
    expect(fields.length).toBeGreaterThan(250);
    const before = await rowCounts();
    const failures: string[] = [];
    for (const field of fields) {
      for (const [label, value] of Object.entries(hostile)) {
        // A lone surrogate has no UTF-8 form, so no URL or header can carry one; JSON can (`\ud800`).
        if (label === 'lone U+D800' && field.place !== 'body') continue;
        // Header values are Latin-1 without controls: the HTTP layer refuses all four before any route runs.
        if (field.place === 'header') continue;
        const res = await send(field, value);
        const problem = (await res.json()) as {
          code?: string;
          errors?: { path: string; code: string; message: { ja: string; en: string } }[];
        };
        const fieldPath =
          field.place === 'body'
            ? field.path.map((p) => (p === '*' ? 'anyKey' : p)).join('.')
            : field.path[0];
        const issue = problem.errors?.find((e) => e.path === fieldPath && e.code === 'forbidden_character');
        if (res.status !== 422 || problem.code !== 'validation_failed' || !issue)
          failures.push(
            `${field.route} ${field.place}:${field.path.join('.')} ${label} → ${res.status} ${JSON.stringify(problem).slice(0, 200)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('names the field and the character in both languages', async () => {
    const res = await t.request('/api/members', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '山田\u0000花子', city: '千代田区\uD800', building: 'ok' }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const problem = await res.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.messages).toEqual({
      ja: '入力内容に使用できない文字（制御文字など）が含まれています: name, city',
      en: 'Some fields contain characters that are not accepted (control characters and the like): name, city',
    });
    expect(problem.errors).toEqual([
      {
        path: 'name',
        code: 'forbidden_character',
        message: {
          ja: '使用できない文字（U+0000）が含まれています。制御文字などを取り除いてください。',
          en: 'Contains a character that is not accepted (U+0000); remove control characters and the like.',
        },
      },
      {
        path: 'city',
        code: 'forbidden_character',
        message: {
          ja: '使用できない文字（U+D800）が含まれています。制御文字などを取り除いてください。',
          en: 'Contains a character that is not accepted (U+D800); remove control characters and the like.',
        },
      },
    ]);
  });

  it('allows tab and line breaks in multi-line text only', { timeout: 300_000 }, async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as OpenApiDocument;
    const bodyFields = stringFields(doc).filter((f) => f.place === 'body' && f.path.length > 0);
    const multiline = bodyFields.filter((f) => f.multiline).map((f) => `${f.route} ${f.path.join('.')}`);
    expect(multiline).toEqual(
      expect.arrayContaining([
        'POST /api/inquiries message',
        'POST /api/mypage/inquiries/{id}/messages body',
        'POST /api/admin/inquiries/{id}/replies body',
        'POST /api/admin/inquiries/{id}/notes body',
        'POST /api/mypage/orders orderFields.*.*',
        'POST /api/provider/order-lines/{id}/reject reason',
      ]),
    );
    const failures: string[] = [];
    for (const field of bodyFields) {
      for (const value of ['一行目\r\n二行目\tb']) {
        const res = await send(field, value);
        const problem = (await res.json()) as { errors?: { path: string; code: string }[] };
        const fieldPath = field.path.map((p) => (p === '*' ? 'anyKey' : p)).join('.');
        const refused =
          res.status === 422 &&
          (problem.errors ?? []).some((e) => e.path === fieldPath && e.code === 'forbidden_character');
        if (refused === field.multiline)
          failures.push(
            `${field.route} ${fieldPath} ${JSON.stringify(value)} → ${res.status} ${JSON.stringify(problem).slice(0, 160)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
