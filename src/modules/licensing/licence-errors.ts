// The licensing module's expected failures, each with a stable code and a Japanese and an English message.
import { AppError } from '../../domain/errors.js';

/** Errors raised by the licensing services. */
export const licenceErrors = {
  /** A wrong number and a wrong key are one error, so nobody learns which half was right. */
  pairInvalid: () =>
    new AppError({
      code: 'licence_pair_invalid',
      status: 422,
      message: {
        ja: '製品登録番号またはインストールキーが正しくありません。製品に同梱の冊子の裏表紙をご確認ください。',
        en: 'The product registration number or the install key is not correct. Check the back cover of the booklet in the package.',
      },
      fields: [
        {
          path: 'registrationNumber',
          code: 'licence_pair_invalid',
          message: {
            ja: '製品登録番号またはインストールキーが正しくありません。',
            en: 'The registration number or the install key is not correct.',
          },
        },
        {
          path: 'installKey',
          code: 'licence_pair_invalid',
          message: {
            ja: '製品登録番号またはインストールキーが正しくありません。',
            en: 'The registration number or the install key is not correct.',
          },
        },
      ],
    }),
  heldByAnotherMember: () =>
    new AppError({
      code: 'licence_held_by_another_member',
      status: 409,
      message: {
        ja: 'この製品は別の会員様のアカウントに登録されています。お手数ですがサポートセンターまでお問い合わせください。',
        en: 'This product is registered to another member account. Please contact the support centre.',
      },
    }),
  notFound: () =>
    new AppError({
      code: 'licence_not_found',
      status: 404,
      message: { ja: 'ライセンスが見つかりません。', en: 'No such licence.' },
    }),
  machineNotFound: () =>
    new AppError({
      code: 'licence_machine_not_found',
      status: 404,
      message: {
        ja: 'このライセンスでその端末は認証されていません。',
        en: 'That machine is not activated on this licence.',
      },
    }),
};
