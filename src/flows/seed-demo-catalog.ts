// Puts the demo catalog in place — two providers and four products modelled on the seeds' stores — idempotently, through the catalog's own services.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.js';
import type { Actor } from '../modules/audit/index.js';
import {
  changeProductStatus,
  createProduct,
  createProvider,
  listCurrentTermsDocuments,
  listProviders,
  loadProduct,
  type ProductDefinitionInput,
  type ProviderInput,
  publishTermsDocument,
} from '../modules/catalog/index.js';

export const demoProviders: ProviderInput[] = [
  {
    slug: 'keiyaku',
    nameJa: 'keiyaku デモストア',
    nameEn: 'keiyaku Demo Store',
    isStore: true,
    contactEmails: ['support@keiyaku.invalid'],
  },
  {
    slug: 'mirai-soft',
    nameJa: 'ミライソフト株式会社',
    nameEn: 'Mirai Soft Inc.',
    contactEmails: ['provisioning@mirai-soft.example'],
  },
];

const DEMO_TERMS_VERSION = '2026-04-01';

/** Product, option and trial documents the demo products name; each buyer consents to the version in force. */
export const demoTermsDocuments = [
  ['cloud-terms', 'けいやくクラウド サービス利用規約', 'keiyaku Cloud terms of service'],
  ['cloud-trial', 'けいやくクラウド 無料トライアル条件', 'keiyaku Cloud free trial conditions'],
  ['groupware-terms', 'ミライ グループウェア 利用規約', 'Mirai Groupware terms of service'],
  ['groupware-trial', 'ミライ グループウェア 無料トライアル条件', 'Mirai Groupware free trial conditions'],
  ['hosting-terms', 'けいやくレンタルサーバー 利用規約', 'keiyaku Rental Server terms of service'],
  ['ssl-terms', '独自SSL 利用規約', 'SSL certificate terms'],
  ['backup-terms', 'バックアップオプション 利用規約', 'Backup option terms'],
  ['device-security-terms', 'デバイスセキュリティ 利用規約', 'Device security terms'],
  [
    'accounting-terms',
    'ミライ会計 Desktop 基本使用サービス規約',
    'Mirai Accounting Desktop basic service terms',
  ],
].map(([key, titleJa, titleEn]) => ({
  key: key!,
  version: DEMO_TERMS_VERSION,
  titleJa: titleJa!,
  titleEn: titleEn!,
  bodyJa: `# ${titleJa}\n\nこれはデモ用の文書です。実際の契約条件は運営者が定めます。`,
  bodyEn: `# ${titleEn}\n\nThis is a demo document. The operator sets the real conditions.`,
}));

const hostingTerms = ['3m', '6m', '12m', '24m', '36m'] as const;
const months = { '3m': 3, '6m': 6, '12m': 12, '24m': 24, '36m': 36 } as const;
const perTerm = (monthly: number, terms: readonly (keyof typeof months)[] = hostingTerms) =>
  terms.map((term) => ({ plan: 'x10', term, price: monthly * months[term] }));

export const demoProducts: ProductDefinitionInput[] = [
  {
    slug: 'cloud-server',
    images: [{ url: '/images/products/cloud-server.svg', alt: 'クラウドと仮想サーバーのイメージ' }],
    provider: 'keiyaku',
    kind: 'cloud',
    name: { ja: 'けいやくクラウド 仮想サーバー', en: 'keiyaku Cloud Virtual Server' },
    summary: {
      ja: '月額基本料金＋従量課金の仮想サーバー。ご利用月の翌月13日頃に請求が確定します。',
      en: 'A virtual server with a monthly base fee and usage charges, confirmed around the 13th of the following month.',
    },
    description: {
      ja: '## 特長\n\n- 月額の基本料金に、データ転送量とスナップショット容量の従量料金が加わります。\n- ご利用月の料金は**後払い**で、翌月13日頃に確定します。\n- 本サイトでサービスのご利用権（ID）を取得いただくため、数量は1に固定です。',
      en: '## Features\n\n- A monthly base fee plus usage charges for data transfer and snapshot storage.\n- Billed **in arrears**: a month is confirmed around the 13th of the next month.\n- You acquire one service ID here, so the quantity is fixed at one.',
    },
    category: 'infrastructure',
    tags: ['IaaS', 'VM', '従量課金'],
    termsDocuments: ['cloud-terms'],
    paymentMethods: ['card', 'agency'],
    leadTimeDays: 1,
    // Seed 000: the store sells one service ID, so the quantity never changes; a plan change is charged by the day.
    proration: 'daily',
    quantityChangeable: false,
    leadTimeNote: {
      ja: 'ご注文の翌営業日にご利用開始のご案内をお送りします。',
      en: 'We send your start notice on the next business day.',
    },
    checkoutNote: {
      ja: '従量料金はご利用実績に基づき翌月に確定します。シミュレーターの金額は目安です。',
      en: 'Usage charges are confirmed the following month from actual usage; the simulator shows an estimate.',
    },
    sortOrder: 10,
    plans: [
      {
        code: 'standard',
        name: { ja: 'スタンダード（2vCPU / 4GB）', en: 'Standard (2 vCPU / 4 GB)' },
        terms: [{ term: 'monthly', price: 4800 }],
        billingTiming: 'in_arrears',
        confirmationRule: 'next_month_13',
        renewalModes: ['auto'],
        usageComponents: [
          {
            code: 'transfer',
            name: { ja: 'データ転送量（送信）', en: 'Outbound data transfer' },
            unit: { ja: 'GB', en: 'GB' },
            tierMode: 'graduated',
            tiers: [
              { upTo: 100, unitPrice: 0 },
              { upTo: 10000, unitPrice: 11 },
              { upTo: null, unitPrice: 9 },
            ],
          },
          {
            code: 'snapshot',
            name: { ja: 'スナップショット容量', en: 'Snapshot storage' },
            unit: { ja: 'GB', en: 'GB' },
            tiers: [{ upTo: null, unitPrice: 6 }],
          },
        ],
      },
      {
        code: 'large',
        name: { ja: 'ラージ（8vCPU / 32GB）', en: 'Large (8 vCPU / 32 GB)' },
        terms: [{ term: 'monthly', price: 19800 }],
        minimumTermMonths: 3,
        earlyTermination: { kind: 'remaining_months', fee: null },
        billingTiming: 'in_arrears',
        confirmationRule: 'month_after_next_13',
        renewalModes: ['auto'],
        usageComponents: [
          {
            code: 'transfer',
            name: { ja: 'データ転送量（送信）', en: 'Outbound data transfer' },
            unit: { ja: 'GB', en: 'GB' },
            tiers: [
              { upTo: 100, unitPrice: 0 },
              { upTo: 10000, unitPrice: 11 },
              { upTo: null, unitPrice: 9 },
            ],
          },
        ],
      },
    ],
    // Seed 000: members may try the menu free after signing in, agreeing to the trial conditions.
    trial: {
      days: 30,
      plan: 'standard',
      conditionsDocument: 'cloud-trial',
      paymentMethodRequired: false,
    },
    orderFields: [
      {
        key: 'hostname',
        label: { ja: 'ホスト名', en: 'Host name' },
        help: { ja: '例: web01.example.co.jp', en: 'e.g. web01.example.co.jp' },
        type: 'hostname',
        required: true,
      },
      {
        key: 'os',
        label: { ja: 'OSイメージ', en: 'OS image' },
        type: 'select',
        required: true,
        validation: {
          choices: [
            { value: 'ubuntu-24.04', labelJa: 'Ubuntu 24.04 LTS', labelEn: 'Ubuntu 24.04 LTS' },
            { value: 'rocky-9', labelJa: 'Rocky Linux 9', labelEn: 'Rocky Linux 9' },
          ],
        },
      },
    ],
  },
  {
    slug: 'mirai-groupware',
    images: [{ url: '/images/products/mirai-groupware.svg', alt: 'チームで使うグループウェアのイメージ' }],
    provider: 'mirai-soft',
    kind: 'saas',
    name: { ja: 'ミライ グループウェア', en: 'Mirai Groupware' },
    summary: {
      ja: 'スケジュール・掲示板・ワークフローをひとつに。30日間の無料トライアルあり。',
      en: 'Schedules, boards and workflows in one place, with a 30-day free trial.',
    },
    description: {
      ja: '## ミライソフト株式会社が提供するサービスです\n\nご注文後、提供元からご利用開始のご案内をお送りします。ヘルプデスクオプションで導入時の設定もサポートします。',
      en: '## Provided by Mirai Soft Inc.\n\nAfter your order the provider sends you the start notice. The help-desk option supports your set-up.',
    },
    category: 'groupware',
    tags: ['SaaS', 'グループウェア', 'トライアル'],
    termsDocuments: ['groupware-terms'],
    paymentMethods: ['card', 'direct_debit', 'bank_transfer'],
    leadTimeDays: 3,
    // Users added mid-term are charged by the day for the rest of the term.
    proration: 'daily',
    leadTimeNote: {
      ja: '提供元での準備のため、ご利用開始まで3営業日ほどいただきます。',
      en: 'The provider needs about three business days to prepare your service.',
    },
    checkoutNote: {
      ja: 'お客様情報とご利用ドメインを提供元（ミライソフト株式会社）に提供します。',
      en: 'Your contact details and domain are shared with the provider, Mirai Soft Inc.',
    },
    sortOrder: 20,
    plans: [
      {
        code: 'business',
        name: { ja: 'ビジネス', en: 'Business' },
        quantity: { min: 5, max: 500, step: 1 },
        quantityUnit: { ja: 'ユーザー', en: 'users' },
        terms: [
          { term: 'monthly', price: 800 },
          { term: '12m', price: 8800 },
        ],
        confirmationRule: 'usage_month_13',
        renewalModes: ['auto', 'manual'],
      },
    ],
    options: [
      {
        code: 'helpdesk',
        name: { ja: 'ヘルプデスク', en: 'Help desk' },
        description: {
          ja: '導入・操作のお問い合わせに電話とメールでお答えします。',
          en: 'Phone and mail support for set-up and use.',
        },
        offers: [
          { plan: 'business', term: 'monthly', price: 5000 },
          { plan: 'business', term: '12m', price: 55000 },
        ],
      },
    ],
    trial: {
      days: 30,
      plan: 'business',
      conditionsDocument: 'groupware-trial',
      paymentMethodRequired: false,
    },
    orderFields: [
      {
        key: 'tenant_domain',
        label: { ja: 'ご利用ドメイン', en: 'Your domain' },
        help: { ja: '例: example.co.jp', en: 'e.g. example.co.jp' },
        type: 'domain',
        required: true,
      },
      {
        key: 'admin_email',
        label: { ja: '管理者メールアドレス', en: 'Administrator email' },
        type: 'email',
        required: true,
      },
    ],
  },
  {
    slug: 'rental-server-x10',
    images: [{ url: '/images/products/rental-server-x10.svg', alt: 'サーバーラックと SSL 証明書のイメージ' }],
    provider: 'keiyaku',
    kind: 'hosting',
    name: { ja: 'けいやくレンタルサーバー X10', en: 'keiyaku Rental Server X10' },
    summary: {
      ja: '3・6・12・24・36ヶ月から選べるレンタルサーバー。独自SSL・バックアップ・デバイスセキュリティをオプションで。',
      en: 'Shared hosting for 3, 6, 12, 24 or 36 months, with SSL, backup and device-security options.',
    },
    description: {
      ja: '## 長く使うほどおトク\n\n契約期間が長いほど月あたりの料金が下がります。クレジットカード・おさいぽ!でのお支払いは同じ期間で自動更新、銀行振込は手動更新です。\n\n独自SSLは1コモンネーム分のお申し込みです。企業認証・EV SSLは12ヶ月以上の契約期間でお選びいただけます。',
      en: '## The longer, the cheaper\n\nLonger terms cost less per month. Card and wallet payments renew automatically for the same term; bank transfer renews by hand.\n\nSSL covers one common name. OV and EV certificates need a term of 12 months or more.',
    },
    category: 'hosting',
    tags: ['レンタルサーバー', 'SSL', 'WordPress'],
    termsDocuments: ['hosting-terms'],
    paymentMethods: ['card', 'wallet', 'bank_transfer'],
    leadTimeDays: 0,
    // Options added mid-term are charged by the month, a started month in full.
    proration: 'monthly',
    leadTimeNote: {
      ja: 'お支払いの確認後すぐにご利用いただけます。',
      en: 'Ready as soon as your payment is confirmed.',
    },
    checkoutNote: {
      ja: 'オプションを選択した場合は、各オプションの規約への同意が必要です。',
      en: 'Each option you choose has its own terms to agree to.',
    },
    sortOrder: 30,
    plans: [
      {
        code: 'x10',
        name: { ja: 'X10プラン', en: 'X10 plan' },
        setupFee: 3000,
        terms: [
          { term: '3m', price: 3960 },
          { term: '6m', price: 7320 },
          { term: '12m', price: 13200 },
          { term: '24m', price: 25440 },
          { term: '36m', price: 36360 },
        ],
        renewalModes: ['auto', 'manual'],
      },
    ],
    options: [
      {
        code: 'ssl-quick',
        name: { ja: '独自SSL（クイック認証）', en: 'SSL certificate (domain validated)' },
        choiceGroup: 'ssl',
        termsDocuments: ['ssl-terms'],
        offers: perTerm(500),
      },
      {
        code: 'ssl-ov',
        name: { ja: '独自SSL（企業認証）', en: 'SSL certificate (organisation validated)' },
        choiceGroup: 'ssl',
        termsDocuments: ['ssl-terms'],
        offers: perTerm(2500, ['12m', '24m', '36m']),
      },
      {
        code: 'ssl-ev',
        name: { ja: '独自SSL（EV SSL）', en: 'SSL certificate (extended validation)' },
        choiceGroup: 'ssl',
        termsDocuments: ['ssl-terms'],
        setupFee: 5000,
        offers: perTerm(6500, ['12m', '24m', '36m']),
      },
      {
        code: 'backup',
        name: { ja: 'バックアップオプション', en: 'Backup option' },
        termsDocuments: ['backup-terms'],
        offers: perTerm(330),
      },
      {
        code: 'device-security',
        name: { ja: 'デバイスセキュリティ', en: 'Device security' },
        quantity: { min: 1, max: 10, step: 1 },
        quantityUnit: { ja: '台', en: 'devices' },
        termsDocuments: ['device-security-terms'],
        offers: perTerm(300),
      },
    ],
    orderFields: [
      {
        key: 'domain',
        label: { ja: 'ご利用予定のドメイン', en: 'Domain you will use' },
        help: { ja: '未取得の場合は空欄で構いません。', en: 'Leave empty if you have none yet.' },
        type: 'domain',
      },
      {
        key: 'server_id',
        label: { ja: '初期サーバーID', en: 'Server ID' },
        help: {
          ja: '半角英小文字・数字・ハイフン 3〜20文字',
          en: '3–20 lower-case letters, digits or hyphens',
        },
        type: 'text',
        required: true,
        validation: { pattern: '^[a-z0-9-]{3,20}$' },
      },
    ],
  },
  {
    slug: 'mirai-accounting-desktop',
    images: [
      { url: '/images/products/mirai-accounting-desktop.svg', alt: '会計ソフトのグラフ画面のイメージ' },
    ],
    provider: 'mirai-soft',
    kind: 'software',
    name: { ja: 'ミライ会計 Desktop 基本使用サービス', en: 'Mirai Accounting Desktop basic service' },
    summary: {
      ja: 'パッケージ版は6ヶ月・12ヶ月、ダウンロード版は12ヶ月（全オプション込み）。有効期間中はバージョンアップ無料。',
      en: 'Package edition for 6 or 12 months, download edition for 12 months with every option included. Free upgrades while valid.',
    },
    description: {
      ja: '## 基本使用サービス\n\n- パッケージ版: 6ヶ月または12ヶ月。不要なオプションは外せます。\n- ダウンロード版: 12ヶ月のみ。すべてのオプションが料金に含まれ、外すことはできません。\n- お手続き後、製品を再起動すると有効になります。',
      en: '## Basic service\n\n- Package edition: 6 or 12 months; remove the options you do not need.\n- Download edition: 12 months only; every option is included and cannot be removed.\n- Restart the product after ordering to activate it.',
    },
    category: 'accounting',
    tags: ['会計', 'デスクトップ', 'ライセンス'],
    termsDocuments: ['accounting-terms'],
    paymentMethods: ['card', 'bank_transfer', 'direct_debit'],
    leadTimeDays: 0,
    // A change is charged in full for the term it falls in.
    proration: 'none',
    leadTimeNote: {
      ja: 'お支払い後、製品を再起動するとすぐに有効になります（口座振替はお手続きに日数がかかります）。',
      en: 'Active as soon as you restart the product after paying (direct debit takes longer to set up).',
    },
    sortOrder: 40,
    plans: [
      {
        code: 'package',
        name: { ja: 'パッケージ版', en: 'Package edition' },
        terms: [
          { term: '6m', price: 13200 },
          { term: '12m', price: 24000 },
        ],
        renewalModes: ['auto', 'manual'],
      },
      {
        code: 'download',
        name: { ja: 'ダウンロード版', en: 'Download edition' },
        terms: [{ term: '12m', price: 30000 }],
        renewalModes: ['auto', 'manual'],
      },
    ],
    options: [
      {
        code: 'payroll',
        name: { ja: '給与連携オプション', en: 'Payroll link option' },
        offers: [
          { plan: 'package', term: '6m', price: 3000 },
          { plan: 'package', term: '12m', price: 5400 },
          { plan: 'download', term: '12m', price: 0, included: true },
        ],
      },
      {
        code: 'e-filing',
        name: { ja: '電子申告オプション', en: 'E-filing option' },
        offers: [
          { plan: 'package', term: '6m', price: 2000 },
          { plan: 'package', term: '12m', price: 3600 },
          { plan: 'download', term: '12m', price: 0, included: true },
        ],
      },
    ],
    orderFields: [
      {
        key: 'registration_number',
        label: { ja: '製品登録番号', en: 'Product registration number' },
        help: {
          ja: '冊子「はじめにお読みください」の裏表紙に記載されています。',
          en: 'Printed on the back of the "Read me first" booklet.',
        },
        type: 'text',
        required: true,
        validation: { pattern: '^[0-9]{4}-[0-9]{4}-[0-9]{4}$' },
      },
      {
        key: 'install_key',
        label: { ja: 'インストールキー', en: 'Install key' },
        type: 'text',
        required: true,
        validation: { minLength: 8, maxLength: 40 },
      },
    ],
  },
];

export interface SeedDemoCatalogInput {
  actor: Actor;
  now: Temporal.Instant;
  /** The first start seeds only a store that has no provider at all, so an operator's own catalog is never mixed with the demo. */
  onlyIfEmpty?: boolean;
}

/** Creates what is missing of the demo catalog (by slug and document version) and publishes new products; existing ones are left as they are. */
export async function seedDemoCatalog(db: Db, input: SeedDemoCatalogInput): Promise<{ created: string[] }> {
  const { actor, now } = input;
  const providers = await listProviders(db);
  if (input.onlyIfEmpty && providers.length > 0) return { created: [] };
  for (const provider of demoProviders) {
    if (providers.some((p) => p.slug === provider.slug)) continue;
    await createProvider(db, { provider, actor, now });
  }
  const documents = await listCurrentTermsDocuments(db, now);
  for (const document of demoTermsDocuments) {
    if (documents.some((d) => d.key === document.key)) continue;
    await publishTermsDocument(db, { document, actor, now });
  }
  const created: string[] = [];
  for (const definition of demoProducts) {
    if (await loadProduct(db, definition.slug)) continue;
    const product = await createProduct(db, { definition, actor, now });
    await changeProductStatus(db, {
      productId: product.id,
      status: 'published',
      reason: 'demo catalog',
      actor,
      now,
    });
    created.push(definition.slug);
  }
  return { created };
}
