// Configuration from the environment: defaults, the rules about SECRET, and one clear line per bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to an embedded store on 127.0.0.1:3000 with its data in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('./data');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data/pg' });
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.secret).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it('listens on all interfaces only when asked', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080', PUBLIC_URL: 'https://shop.example.jp/' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('https://shop.example.jp');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then requires SECRET', () => {
    expect(errorOf({ DATABASE_URL: 'postgres://db.internal/keiyaku' })).toBe(
      'SECRET: is required when DATABASE_URL is set, so that every node shares it',
    );
    const config = loadConfig({ DATABASE_URL: 'postgres://db.internal/keiyaku', SECRET: 'x'.repeat(32) });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://db.internal/keiyaku' });
  });

  it('requires SECRET in production', () => {
    expect(errorOf({ NODE_ENV: 'production' })).toBe('SECRET: is required when NODE_ENV=production');
  });

  it('turns the store clock for rehearsals on only when asked, and never in production', () => {
    expect(loadConfig({}).testClock).toBe(false);
    expect(loadConfig({ KEIYAKU_TEST_CLOCK: '0' }).testClock).toBe(false);
    expect(loadConfig({ KEIYAKU_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(loadConfig({ KEIYAKU_TEST_CLOCK: 'true', NODE_ENV: 'test' }).testClock).toBe(true);
    expect(errorOf({ KEIYAKU_TEST_CLOCK: '1', NODE_ENV: 'production', SECRET: 'x'.repeat(32) })).toBe(
      'KEIYAKU_TEST_CLOCK (got "1"): is for rehearsals only and is refused when NODE_ENV=production',
    );
    expect(
      loadConfig({ KEIYAKU_TEST_CLOCK: '0', NODE_ENV: 'production', SECRET: 'x'.repeat(32) }).testClock,
    ).toBe(false);
    expect(errorOf({ KEIYAKU_TEST_CLOCK: 'yes' })).toBe(
      'KEIYAKU_TEST_CLOCK (got "yes"): Invalid option: expected one of "0"|"1"|"true"|"false"',
    );
  });

  it('names each bad variable, its value and what is wrong, one line each', () => {
    expect(errorOf({ PORT: 'abc', HOST: '', LOG_LEVEL: 'loud' }).split('\n')).toEqual([
      'PORT (got "abc"): Invalid input: expected number, received NaN',
      'LOG_LEVEL (got "loud"): Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ]);
    expect(errorOf({ PORT: '70000' })).toBe('PORT (got "70000"): Too big: expected number to be <=65535');
  });

  it('never echoes the value of a variable that may hold a password', () => {
    expect(errorOf({ SECRET: 'short-but-secret' })).toBe('SECRET: must be at least 32 characters');
    expect(errorOf({ SMTP_URL: 'mail://user:hunter2@x' })).toBe(
      'SMTP_URL: must start with smtp:// or smtps://',
    );
    expect(errorOf({ DATABASE_URL: 'mysql://root:hunter2@x' }).split('\n')).toEqual([
      'DATABASE_URL: must start with postgres:// or postgresql://',
      'SECRET: is required when DATABASE_URL is set, so that every node shares it',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' }).port).toBe(3000);
  });
});
