// Where the login page sends a member after signing in: back to a page of this site, never to another one.
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../web/src/components/after-sign-in.js';

describe('safeNextPath', () => {
  it('follows a path of this site, with its query', () => {
    expect(safeNextPath('/checkout')).toBe('/checkout');
    expect(safeNextPath('/mypage/orders?page=2')).toBe('/mypage/orders?page=2');
  });

  it('falls back to My Page without a next, or with one that could leave the site', () => {
    expect(safeNextPath(null)).toBe('/mypage');
    expect(safeNextPath('')).toBe('/mypage');
    expect(safeNextPath('https://evil.example/')).toBe('/mypage');
    expect(safeNextPath('//evil.example/checkout')).toBe('/mypage');
    expect(safeNextPath('/\\evil.example')).toBe('/mypage');
    expect(safeNextPath('checkout')).toBe('/mypage');
  });
});
