// The mail that hands a member the registration number and install key of a new software licence (the key is kept only as a hash, so this is its one copy).
import { z } from 'zod';
import { formatBusinessDate } from './business-date.js';
import { html } from './html.js';
import { defineMailTemplate } from './types.js';

export const licenceIssuedTemplate = defineMailTemplate({
  name: 'licence-issued',
  carriesSecret: true,
  payload: z.object({
    name: z.string(),
    contractNumber: z.string().min(1),
    productName: z.string().min(1),
    edition: z.enum(['package', 'download']),
    registrationNumber: z.string().min(1),
    installKey: z.string().min(1),
    validUntil: z.iso.date(),
  }),
  render(locale, p, store) {
    const until = formatBusinessDate(locale, p.validUntil);
    if (locale === 'en') {
      const edition = p.edition === 'download' ? 'Download edition' : 'Package edition';
      return {
        subject: `[${store.name}] Your product registration number and install key (contract ${p.contractNumber})`,
        text: `Dear ${p.name},\n\nEnter these in the product when it asks for them. Keep this mail: the install key cannot be shown again.\n\nProduct: ${p.productName} (${edition})\nProduct registration number: ${p.registrationNumber}\nInstall key: ${p.installKey}\nBasic service valid until: ${until}\n\nContract number: ${p.contractNumber}`,
        html: html`<p>Dear ${p.name},</p><p>Enter these in the product when it asks for them. Keep this mail: the install key cannot be shown again.</p><p>Product: ${p.productName} (${edition})<br>Product registration number: ${p.registrationNumber}<br>Install key: ${p.installKey}<br>Basic service valid until: ${until}</p><p>Contract number: ${p.contractNumber}</p>`,
      };
    }
    const edition = p.edition === 'download' ? 'ダウンロード版' : 'パッケージ版';
    return {
      subject: `【${store.name}】製品登録番号とインストールキーのお知らせ（契約番号 ${p.contractNumber}）`,
      text: `${p.name} 様\n\n製品の起動時に求められたら、次の番号とキーを入力してください。インストールキーは再表示できませんので、このメールを保管してください。\n\n製品: ${p.productName}（${edition}）\n製品登録番号: ${p.registrationNumber}\nインストールキー: ${p.installKey}\n基本使用サービスの有効期間: ${until}まで\n\n契約番号: ${p.contractNumber}`,
      html: html`<p>${p.name} 様</p><p>製品の起動時に求められたら、次の番号とキーを入力してください。インストールキーは再表示できませんので、このメールを保管してください。</p><p>製品: ${p.productName}（${edition}）<br>製品登録番号: ${p.registrationNumber}<br>インストールキー: ${p.installKey}<br>基本使用サービスの有効期間: ${until}まで</p><p>契約番号: ${p.contractNumber}</p>`,
    };
  },
});
