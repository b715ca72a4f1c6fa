// Login IDs: what a member may choose, and the key that makes two spellings of one ID the same ID.
import { z } from 'zod';
import { bilingualIssue } from '../validation.js';

export const LOGIN_ID_MIN_LENGTH = 3;
export const LOGIN_ID_MAX_LENGTH = 64;

/** ASCII letters, digits, `.`, `_` and `-`, checked after NFKC so full-width input is accepted. */
export const loginIdPattern = /^[A-Za-z0-9._-]+$/;

/**
 * The uniqueness key of a login ID: NFKC, trimmed, lower-cased. NFKC comes first so that a full-width
 * `Ｔａｒｏ` and a ligature `ﬁ` collide with `taro` and `fi` instead of registering look-alikes.
 */
export function normalizeLoginId(loginId: string): string {
  return loginId.normalize('NFKC').trim().toLowerCase();
}

/** The login ID as the member will see it: NFKC and trimmed, case kept. */
export function canonicalLoginId(loginId: string): string {
  return loginId.normalize('NFKC').trim();
}

/** A login ID as typed → the canonical ID, or issues `login_id_length` / `login_id_characters`. */
export const loginIdSchema = z
  .string()
  .transform(canonicalLoginId)
  .superRefine((value, ctx) => {
    if (value === '') {
      ctx.addIssue(bilingualIssue('required', { ja: '入力してください。', en: 'Required.' }));
      return;
    }
    const length = [...value].length;
    if (length < LOGIN_ID_MIN_LENGTH || length > LOGIN_ID_MAX_LENGTH) {
      ctx.addIssue(
        bilingualIssue('login_id_length', {
          ja: `${LOGIN_ID_MIN_LENGTH}〜${LOGIN_ID_MAX_LENGTH}文字で入力してください。`,
          en: `Use ${LOGIN_ID_MIN_LENGTH} to ${LOGIN_ID_MAX_LENGTH} characters.`,
        }),
      );
      return;
    }
    if (!loginIdPattern.test(value)) {
      ctx.addIssue(
        bilingualIssue('login_id_characters', {
          ja: '半角英数字と記号 . _ - のみ使用できます。',
          en: 'Use only letters, digits and the symbols . _ -',
        }),
      );
    }
  });

export interface ParsedLoginId {
  /** As the member chose it, for display. */
  loginId: string;
  /** What the unique index is on. */
  key: string;
}

/** The login ID and its key, or `null` when it breaks the rules. */
export function parseLoginId(input: string): ParsedLoginId | null {
  const result = loginIdSchema.safeParse(input);
  if (!result.success) return null;
  return { loginId: result.data, key: normalizeLoginId(result.data) };
}
