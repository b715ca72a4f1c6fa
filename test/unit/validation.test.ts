// zod issues → field issues: generic wording per issue code, and the refinement's own code and Japanese when it gives them.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bilingualIssue, zodIssuesToFields } from '../../src/domain/validation.js';

const schema = z.strictObject({
  code: z.string().superRefine((value, ctx) => {
    if (value !== 'ok')
      ctx.addIssue(bilingualIssue('not_ok', { ja: '「ok」と入力してください。', en: 'Type "ok".' }));
  }),
  plain: z.string().refine((value) => value === 'x', 'must be x'),
  count: z.number().max(3),
});

describe('zodIssuesToFields', () => {
  it('keeps a refinement’s code and Japanese, and falls back to generic wording otherwise', () => {
    const result = schema.safeParse({ code: 'no', plain: 'y', count: 4 });
    expect(zodIssuesToFields(result.error?.issues ?? [])).toEqual([
      { path: 'code', code: 'not_ok', message: { ja: '「ok」と入力してください。', en: 'Type "ok".' } },
      { path: 'plain', code: 'custom', message: { ja: '入力内容が正しくありません。', en: 'must be x' } },
      {
        path: 'count',
        code: 'too_big',
        message: { ja: '3以下にしてください。', en: 'Too big: expected number to be <=3' },
      },
    ]);
  });
});
