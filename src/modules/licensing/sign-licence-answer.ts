// Signs a licence answer with Ed25519 (node:crypto): the answer's JSON, base64url, signed with the prefix `licence/` so the signature cannot be reused for another kind of message.
import { sign } from 'node:crypto';
import type { LicenceSigningKey } from './signing-keys.js';

/** The signed form a product keeps and verifies offline. */
export interface SignedLicenceAnswer {
  keyId: string;
  algorithm: 'Ed25519';
  /** base64url of the answer's UTF-8 JSON: exactly the bytes after `licence/` that were signed. */
  data: string;
  /** base64url of the 64-byte Ed25519 signature over `licence/` + data (ASCII). */
  signature: string;
}

/** The prefix of the signed bytes. */
export const LICENCE_SIGNING_PREFIX = 'licence/';

/** Signs `answer` (any JSON object) with `key`. */
export function signLicenceAnswer(key: LicenceSigningKey, answer: object): SignedLicenceAnswer {
  const data = Buffer.from(JSON.stringify(answer), 'utf8').toString('base64url');
  const signature = sign(null, Buffer.from(`${LICENCE_SIGNING_PREFIX}${data}`, 'ascii'), key.privateKey);
  return { keyId: key.keyId, algorithm: 'Ed25519', data, signature: signature.toString('base64url') };
}
