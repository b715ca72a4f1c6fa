// Expected failures: a stable code, an HTTP status and a message in Japanese and English (RFC 9457 shaped).

/** A message shown to people, in both languages the store speaks. */
export interface BilingualMessage {
  ja: string;
  en: string;
}

/** One failing field of a validation error. */
export interface FieldIssue {
  path: string;
  code: string;
  message: BilingualMessage;
}

export interface AppErrorInit {
  code: string;
  status: number;
  message: BilingualMessage;
  fields?: FieldIssue[];
  /** For 429 and 503: seconds until a retry may succeed, sent as the `Retry-After` header. */
  retryAfterSeconds?: number;
  /** RFC 9457 extension members for the problem document, e.g. the `orderNumber` a refusal refers to. */
  extensions?: Record<string, string>;
  cause?: unknown;
}

/** An expected failure with a stable `code`; unexpected failures are plain `Error`s. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messages: BilingualMessage;
  readonly fields: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;
  readonly extensions: Record<string, string>;

  constructor(init: AppErrorInit) {
    super(init.message.en, { cause: init.cause });
    this.name = 'AppError';
    this.code = init.code;
    this.status = init.status;
    this.messages = init.message;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.extensions = init.extensions ?? {};
  }
}

/** The error codes the kernel itself raises; modules add their own beside their code. */
export const kernelErrors = {
  notFound: () =>
    new AppError({
      code: 'not_found',
      status: 404,
      message: { ja: 'ページが見つかりません。', en: 'Not found.' },
    }),
  malformedJson: () =>
    new AppError({
      code: 'malformed_json',
      status: 400,
      message: {
        ja: 'リクエスト本文が正しいJSONではありません。',
        en: 'The request body is not valid JSON.',
      },
    }),
  payloadTooLarge: (limitBytes: number) =>
    new AppError({
      code: 'payload_too_large',
      status: 413,
      message: {
        ja: `リクエスト本文が大きすぎます（上限 ${limitBytes} バイト）。`,
        en: `The request body is too large (limit ${limitBytes} bytes).`,
      },
    }),
  unsupportedMediaType: () =>
    new AppError({
      code: 'unsupported_media_type',
      status: 415,
      message: {
        ja: 'リクエスト本文の形式（Content-Type）に対応していません。application/json で送ってください。',
        en: 'The request body has an unsupported Content-Type. Please send application/json.',
      },
    }),
  validation: (fields: FieldIssue[]) =>
    new AppError({
      code: 'validation_failed',
      status: 422,
      message: { ja: '入力内容に誤りがあります。', en: 'Some fields are invalid.' },
      fields,
    }),
  forbiddenCharacters: (fields: FieldIssue[]) => {
    const names = [...new Set(fields.map((field) => field.path || '(body)'))].join(', ');
    return new AppError({
      code: 'validation_failed',
      status: 422,
      message: {
        ja: `入力内容に使用できない文字（制御文字など）が含まれています: ${names}`,
        en: `Some fields contain characters that are not accepted (control characters and the like): ${names}`,
      },
      fields,
    });
  },
  unsafeYen: (value: unknown) =>
    new AppError({
      code: 'unsafe_amount',
      status: 422,
      message: {
        ja: `金額 ${String(value)} は整数の円として扱えません。`,
        en: `The amount ${String(value)} is not a safe whole number of yen.`,
      },
    }),
} as const;
