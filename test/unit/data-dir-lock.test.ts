// The data folder lock: one holder at a time, stale locks taken over, our own reused pid recognised.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/db/data-dir-lock.js';

let dir: string;
const now = new Date('2026-04-01T00:00:00Z');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keiyaku-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireDataDirLock', () => {
  it('refuses a second holder in the same process and frees the folder on release', () => {
    const lock = acquireDataDirLock(dir, 'first', now);
    lock.describe('http://127.0.0.1:3000');
    expect(JSON.parse(readFileSync(join(dir, 'keiyaku.lock'), 'utf8'))).toEqual({
      pid: process.pid,
      purpose: 'first',
      since: '2026-04-01T00:00:00.000Z',
      url: 'http://127.0.0.1:3000',
    });
    expect(() => acquireDataDirLock(dir, 'second', now)).toThrow(
      `The data folder ${dir} is in use by another keiyaku (pid ${process.pid}, first at http://127.0.0.1:3000).`,
    );
    lock.release();
    acquireDataDirLock(dir, 'third', now).release();
  });

  it('takes over a lock whose process is gone', () => {
    writeFileSync(
      join(dir, 'keiyaku.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, purpose: 'crashed', since: '' }),
    );
    const lock = acquireDataDirLock(dir, 'after crash', now);
    expect(JSON.parse(readFileSync(join(dir, 'keiyaku.lock'), 'utf8')).purpose).toBe('after crash');
    lock.release();
  });

  it('takes over a lock naming our own pid that this process does not hold (pid reused after a crash)', () => {
    writeFileSync(
      join(dir, 'keiyaku.lock'),
      JSON.stringify({ pid: process.pid, purpose: 'old life', since: '' }),
    );
    const lock = acquireDataDirLock(dir, 'new life', now);
    expect(JSON.parse(readFileSync(join(dir, 'keiyaku.lock'), 'utf8')).purpose).toBe('new life');
    lock.release();
  });

  it('refuses a lock held by another live process', () => {
    // pid 1 is always alive: init, or the container's first process.
    writeFileSync(join(dir, 'keiyaku.lock'), JSON.stringify({ pid: 1, purpose: 'keiyaku start', since: '' }));
    expect(() => acquireDataDirLock(dir, 'cli', now)).toThrow(
      'is in use by another keiyaku (pid 1, keiyaku start)',
    );
  });
});
