// What an operator's login ID, roles and password must look like, and how a temporary password is made.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { LOGIN_ID_MAX, LOGIN_ID_MIN, LOGIN_ID_PATTERN } from '../identity/auth-index.js';
import { operatorRoleNames } from './operator-permissions.js';

/**
 * The internal, unique address better-auth needs for an operator; never mailed to. It is built from the
 * login ID because authenticator apps show it as the account's name.
 */
export function internalOperatorEmail(normalizedLoginId: string): string {
  return `${normalizedLoginId}@operators.keiyaku.invalid`;
}

/** Login IDs are unique ignoring case, so they are stored and looked up lower-cased. */
export function normalizeOperatorLoginId(loginId: string): string {
  return loginId.toLowerCase();
}

/** The fields of a new operator, checked the same way from the CLI and the first start. */
export const newOperatorSchema = z.object({
  loginId: z.string().min(LOGIN_ID_MIN).max(LOGIN_ID_MAX).regex(LOGIN_ID_PATTERN),
  displayName: z.string().trim().min(1).max(100),
  email: z.email(),
  roles: z.array(z.enum(operatorRoleNames)).min(1),
  locale: z.enum(['ja', 'en']),
});

const alphabets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '-_.!#%+='] as const;

/** A random 20-character password with every character class, from the OS's random source. */
export function generateOperatorPassword(): string {
  const all = alphabets.join('');
  const chars = alphabets.map((set) => set[randomInt(set.length)] ?? '');
  while (chars.length < 20) chars.push(all[randomInt(all.length)] ?? '');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
