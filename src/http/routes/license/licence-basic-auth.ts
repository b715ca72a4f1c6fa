// Reads a licence's registration number and install key from `Authorization: Basic` (number as user, key as password) for the machine routes.
import type { Context } from 'hono';
import { normaliseRegistrationNumber } from '../../../domain/licences.js';
import { licenceErrors } from '../../../modules/licensing/index.js';
import type { AppEnv } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';

/** The pair, after counting the request against `licenceMachines` (per address and per number, known or not). */
export async function licenceCredentials(
  c: Context<AppEnv>,
): Promise<{ registrationNumber: string; installKey: string }> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const registrationNumber = colon > 0 ? decoded.slice(0, colon) : '';
  const installKey = colon > 0 ? decoded.slice(colon + 1) : '';
  const account = normaliseRegistrationNumber(registrationNumber) ?? (registrationNumber.trim() || null);
  await limitRequest(c, 'licenceMachines', account);
  // A missing or malformed header is refused like a wrong pair: one shape for every failure.
  if (!registrationNumber || !installKey || installKey.length > 64) throw licenceErrors.pairInvalid();
  return { registrationNumber, installKey };
}
