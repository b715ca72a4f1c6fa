// Turns zod issues into the failing-field list of a 422 problem, with a Japanese and an English message.
import type { z } from 'zod';
import type { BilingualMessage, FieldIssue } from './errors.js';

function japaneseFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '入力してください。' : '形式が正しくありません。';
    case 'too_small':
      return issue.origin === 'string'
        ? `${String(issue.minimum)}文字以上で入力してください。`
        : `${String(issue.minimum)}以上にしてください。`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${String(issue.maximum)}文字以内で入力してください。`
        : `${String(issue.maximum)}以下にしてください。`;
    case 'invalid_format':
      return '形式が正しくありません。';
    case 'invalid_value':
      return `次のいずれかを指定してください: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `指定できない項目です: ${issue.keys.join(', ')}`;
    case 'custom':
      // A refinement knows its own Japanese wording better than any generic one; it passes it as `params.ja`.
      return typeof issue.params?.ja === 'string' ? issue.params.ja : '入力内容が正しくありません。';
    default:
      return '入力内容が正しくありません。';
  }
}

/** A refinement may name its failure more precisely than `custom` by passing `params.code`. */
function codeFor(issue: z.core.$ZodIssue): string {
  return issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : issue.code;
}

/** One `FieldIssue` per zod issue; the path is dotted (`lines.0.amount`), empty for the whole body. */
export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: codeFor(issue),
    message: { ja: japaneseFor(issue), en: issue.message },
  }));
}

/** A zod custom issue that keeps a stable code and both languages through `zodIssuesToFields`. */
export function bilingualIssue(
  code: string,
  message: BilingualMessage,
): { code: 'custom'; message: string; params: { code: string; ja: string } } {
  return { code: 'custom', message: message.en, params: { code, ja: message.ja } };
}
