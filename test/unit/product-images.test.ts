// Product images: a path on the store or an https address, nothing the page's CSP would block or a browser would run; the demo products carry their own.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../src/flows/seed-demo-catalog.js';
import { productDefinitionSchema } from '../../src/modules/catalog/product-definition.js';

const withImage = (url: string) =>
  productDefinitionSchema.safeParse({ ...demoProducts[0], images: [{ url, alt: '画像' }] });

describe('product image addresses', () => {
  it.each(['/images/products/cloud-server.svg', 'https://cdn.example.jp/p/backup.png'])(
    'accepts %s',
    (url) => {
      expect(withImage(url).success).toBe(true);
    },
  );

  it.each([
    'javascript:alert(1)',
    'http://cdn.example.jp/p.png',
    '//evil.example/p.png',
    'data:image/svg+xml,<svg/>',
    'images/p.png',
    '/images/"onerror=alert(1)',
  ])('refuses %s', (url) => {
    const result = withImage(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['images', 0, 'url']);
  });

  it('gives every demo product an image that ships with the web app', () => {
    for (const product of demoProducts) {
      const [image] = product.images ?? [];
      expect(image?.url).toBe(`/images/products/${product.slug}.svg`);
      expect(existsSync(new URL(`../../web/public${image!.url}`, import.meta.url))).toBe(true);
    }
  });
});
