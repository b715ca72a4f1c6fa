// A database error while a person registers is logged without their name, email, address or phone: the SQL parameters and the failing row stay out of the log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { fullRegistration } from '../helpers/registration.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // The app reads the logger from its context at the moment it logs, so this captures the real lines.
  t.ctx.logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    }),
  );
  // A constraint only this person's address breaks: the insert fails inside PostgreSQL with every value bound.
  await t.database.handle.executeSql(
    "alter table members add constraint log_privacy_probe check (city <> '港区秘密町')",
  );
});
afterAll(() => t.close());

const person = {
  loginId: 'privacy.person',
  name: '秘密 太郎',
  nameKana: 'ヒミツ タロウ',
  email: 'taro.himitsu@example.jp',
  city: '港区秘密町',
  street: '六本木9-8-7',
  building: 'ヒミツビル 12F',
  phone: '03-9876-5432',
};

describe('what the error log holds', () => {
  it('names the failing constraint and SQLSTATE, and none of the personal data the request carried', async () => {
    const res = await t.request('/api/members', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fullRegistration(person)),
    });
    expect(res.status).toBe(500);
    expect((await res.json()).code).toBe('internal_error');

    const errorLines = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'unhandled error');
    expect(errorLines).toHaveLength(1);
    const entry = errorLines[0];
    expect(entry.level).toBe(50);
    expect(entry.path).toBe('/api/members');
    // What an operator needs to find the cause is there: the query (without values) and the database's own code.
    const chain: Record<string, unknown>[] = [];
    for (let err = entry.err; err; err = err.cause) chain.push(err);
    expect(chain.some((err) => err.code === '23514' && err.constraint === 'log_privacy_probe')).toBe(true);
    expect(chain[0]!.message).toMatch(/^Failed query: insert into "members"[\s\S]*\nparams: \[redacted\]$/);
    for (const err of chain) {
      expect(
        Object.keys(err).filter((key) => ['params', 'parameters', 'detail', 'where'].includes(key)),
      ).toEqual([]);
    }
    // And nothing of the person, in any line written during the request.
    const written = lines.join('\n');
    expect(written).toContain('log_privacy_probe');
    for (const value of Object.values(person).filter((v) => v !== person.loginId)) {
      expect([value, written.includes(value)]).toEqual([value, false]);
    }
    expect(written).not.toContain('taro.himitsu');
    expect(written).not.toContain('Failing row');
  });
});
