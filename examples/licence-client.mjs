#!/usr/bin/env node
// A desktop product's licence check against keiyaku, in plain Node (node:crypto only): ask at start-up, verify the signed answer, keep it for offline starts.
//
// Usage: node examples/licence-client.mjs <store URL> <registration number> <install key> [product version]
// Prints the verified answer as JSON and exits 0 when the product may start, 1 when it may not, 2 on an error.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { hostname, userInfo } from 'node:os';

const [storeUrl, registrationNumber, installKey, productVersion = '1.0.0'] = process.argv.slice(2);
if (!storeUrl || !registrationNumber || !installKey) {
  console.error(
    'usage: licence-client.mjs <store URL> <registration number> <install key> [product version]',
  );
  process.exit(2);
}

// A stable, non-identifying id of this machine: a product would hash hardware ids; a hash of host and user will do here.
const machineFingerprint = createHash('sha256').update(`${hostname()}\0${userInfo().username}`).digest('hex');

/** Verifies a signed answer with the store's published keys; returns the answer or throws. */
function verifyAnswer(signed, keys, now = new Date()) {
  const key = keys.find((k) => k.keyId === signed.keyId);
  if (!key) throw new Error(`unknown signing key ${signed.keyId}`);
  if (signed.algorithm !== 'Ed25519') throw new Error(`unexpected algorithm ${signed.algorithm}`);
  const ok = verify(
    null,
    Buffer.from(`licence/${signed.data}`, 'ascii'),
    createPublicKey(key.publicKeyPem),
    Buffer.from(signed.signature, 'base64url'),
  );
  if (!ok) throw new Error('the licence answer was not signed by the store');
  const answer = JSON.parse(Buffer.from(signed.data, 'base64url').toString('utf8'));
  // issuedAt and expiresAt are inside the signed bytes: a kept answer cannot be made to last longer.
  if (now < new Date(answer.issuedAt) || now > new Date(answer.expiresAt))
    throw new Error('the licence answer has expired');
  return answer;
}

try {
  // A real product embeds these keys at build time and refreshes them from time to time; fetching them
  // here keeps the example self-contained.
  const keysResponse = await fetch(new URL('/api/license/v1/keys', storeUrl));
  if (!keysResponse.ok) throw new Error(`keys: HTTP ${keysResponse.status}`);
  const { keys } = await keysResponse.json();

  const response = await fetch(new URL('/api/license/v1/validate', storeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationNumber, installKey, machineFingerprint, productVersion }),
  });
  if (response.status !== 200) throw new Error(`validate: HTTP ${response.status} ${await response.text()}`);
  const { signed } = await response.json();
  // Trust only what is signed: the unsigned copy beside it is for reading, not for deciding.
  const answer = verifyAnswer(signed, keys);
  console.log(JSON.stringify({ ...answer, signed }, null, 2));
  process.exit(answer.mayStart ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
