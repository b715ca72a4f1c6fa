// A simulator choice written into a page address and read back, so a printable estimate can be opened, shared and reloaded.
import type { EstimateRequest } from '../api/catalog';

const pairs = (items: readonly { code: string; quantity?: number }[]) =>
  items.map((item) => (item.quantity === undefined ? item.code : `${item.code}:${item.quantity}`)).join(',');

function parsePairs(value: string | null): { code: string; quantity: number }[] {
  if (!value) return [];
  return value
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [code = '', quantity] = pair.split(':');
      return { code, quantity: Number(quantity ?? 1) };
    });
}

/** `plan=…&term=…&quantity=…&options=ssl-ov:1,backup:1&usage=transfer:500`. */
export function estimateSearch(request: EstimateRequest): string {
  const params = new URLSearchParams({ plan: request.plan, term: request.term });
  if (request.quantity !== undefined) params.set('quantity', String(request.quantity));
  if (request.options?.length) params.set('options', pairs(request.options));
  if (request.usage?.length) params.set('usage', pairs(request.usage));
  return params.toString();
}

/** The request an address describes; the server checks it like any other, so a tampered address gets the usual 422. */
export function estimateRequestFromSearch(product: string, params: URLSearchParams): EstimateRequest {
  const quantity = params.get('quantity');
  return {
    product,
    plan: params.get('plan') ?? '',
    term: params.get('term') ?? '',
    ...(quantity === null ? {} : { quantity: Number(quantity) }),
    options: parsePairs(params.get('options')),
    usage: parsePairs(params.get('usage')),
  };
}
