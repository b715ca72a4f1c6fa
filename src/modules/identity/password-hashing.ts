// Member passwords hashed with argon2id (@node-rs/argon2), used by registration and by better-auth's sign-in.
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (19 MiB, 2 passes, 1 lane), OWASP's minimum recommendation;
// the algorithm is not named here because its enum is a `const enum` that isolated modules cannot read.

/** The PHC string (`$argon2id$…`) of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether a password matches a stored PHC string; a malformed hash simply does not match. */
export async function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(input.hash, input.password);
  } catch {
    return false;
  }
}
