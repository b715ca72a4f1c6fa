// The client address for rate limits: the socket's peer unless a trusted proxy names the client.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/http/client-address.js';

function appTrusting(trustProxy: boolean) {
  return new Hono().get('/', (c) => c.json({ address: clientAddress(c, trustProxy) }));
}
const socket = {
  incoming: { socket: { remoteAddress: '198.51.100.9', remotePort: 50000, remoteFamily: 'IPv4' } },
};
const forwarded = { headers: { 'x-forwarded-for': '203.0.113.5, 10.0.0.2' } };

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY is on', async () => {
    const res = await appTrusting(false).request('/', forwarded, socket);
    expect(await res.json()).toEqual({ address: '198.51.100.9' });
  });

  it('takes the first X-Forwarded-For entry behind a trusted proxy, else the socket', async () => {
    expect(await (await appTrusting(true).request('/', forwarded, socket)).json()).toEqual({
      address: '203.0.113.5',
    });
    expect(await (await appTrusting(true).request('/', {}, socket)).json()).toEqual({
      address: '198.51.100.9',
    });
  });

  it('is null for an in-process request without a socket', async () => {
    expect(await (await appTrusting(false).request('/')).json()).toEqual({ address: null });
  });
});
