// The catalog's expected failures, each with a stable code and a Japanese and English message.
import { AppError } from '../../domain/errors.js';

export const catalogErrors = {
  productNotFound: () =>
    new AppError({
      code: 'product_not_found',
      status: 404,
      message: { ja: '商品が見つかりません。', en: 'The product was not found.' },
    }),
  providerNotFound: () =>
    new AppError({
      code: 'provider_not_found',
      status: 404,
      message: { ja: '提供元が見つかりません。', en: 'The provider was not found.' },
    }),
  providerUnknown: (ref: string) =>
    new AppError({
      code: 'provider_unknown',
      status: 422,
      message: { ja: `提供元「${ref}」は登録されていません。`, en: `There is no provider "${ref}".` },
      fields: [
        {
          path: 'provider',
          code: 'provider_unknown',
          message: { ja: `提供元「${ref}」は登録されていません。`, en: `There is no provider "${ref}".` },
        },
      ],
    }),
  slugTaken: (slug: string) => {
    const message = {
      ja: `URL名「${slug}」はすでに使われています。`,
      en: `The slug "${slug}" is already in use.`,
    };
    // Named as a field too, so an editor can show it beside the slug input.
    return new AppError({
      code: 'slug_taken',
      status: 409,
      message,
      fields: [{ path: 'slug', code: 'slug_taken', message }],
    });
  },
  /** `at` lists where each missing key was named (`termsDocuments.0`, `trial.conditionsDocument` …). */
  termsDocumentUnknown: (keys: string[], at: { path: string; key: string }[] = []) =>
    new AppError({
      code: 'terms_document_unknown',
      status: 422,
      message: {
        ja: `規約「${keys.join('」「')}」は公開されていません。先に規約を登録してください。`,
        en: `No published document "${keys.join('", "')}". Publish the document first.`,
      },
      fields: at.map(({ path, key }) => ({
        path,
        code: 'terms_document_unknown',
        message: {
          ja: `規約「${key}」は公開されていません。`,
          en: `No published document "${key}".`,
        },
      })),
    }),
  termsVersionTaken: (key: string, version: string) =>
    new AppError({
      code: 'terms_version_taken',
      status: 409,
      message: {
        ja: `規約「${key}」の版「${version}」はすでにあります。版は変更できません。新しい版を登録してください。`,
        en: `The document "${key}" already has a version "${version}"; versions never change, publish a new one.`,
      },
    }),
  termsDocumentNotFound: () =>
    new AppError({
      code: 'terms_document_not_found',
      status: 404,
      message: { ja: '規約が見つかりません。', en: 'The document was not found.' },
    }),
} as const;
