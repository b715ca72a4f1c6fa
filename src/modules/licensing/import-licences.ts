// Imports licences of packages already printed (CSV of registration number, install key and edition): accepted whole, or refused with the line of the first problem.
import { inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema/licensing.js';
import { toDate } from '../../domain/clock.js';
import { AppError, type BilingualMessage } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import {
  hashInstallKey,
  type LicenceEdition,
  normaliseInstallKey,
  normaliseRegistrationNumber,
} from '../../domain/licences.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { loadProducts } from '../catalog/index.js';

const editions: readonly LicenceEdition[] = ['package', 'download'];

/** At most this many lines per file, so one import is one transaction of bounded size. */
export const LICENCE_IMPORT_MAX_LINES = 10000;

export interface ImportLicencesInput {
  productId: string;
  /** The last day of the basic service that comes with the printed packages. */
  validUntil: string;
  csv: string;
  actor: Actor;
  now: Temporal.Instant;
}

function refused(line: number, message: BilingualMessage): AppError {
  return new AppError({
    code: 'licence_import_invalid',
    status: 422,
    message: {
      ja: `${line}行目: ${message.ja}取り込みは行っていません。`,
      en: `Line ${line}: ${message.en} Nothing was imported.`,
    },
    extensions: { line: String(line) },
  });
}

/**
 * Imports every line or none. A header line `registration_number,install_key,edition` is optional; blank
 * lines are skipped. A number already in the store or twice in the file, a key that cannot be typed, or an
 * unknown edition refuses the whole file with its line; a number taken by a racing import is caught by the
 * unique index, which rolls the whole file back. The keys are kept only as hashes and never logged.
 */
export async function importLicences(db: Db, input: ImportLicencesInput): Promise<{ imported: number }> {
  const [product] = await loadProducts(db, [input.productId]);
  if (product?.definition.kind !== 'software') {
    throw new AppError({
      code: 'licence_import_product_not_software',
      status: 422,
      message: {
        ja: 'ライセンスを取り込めるのはソフトウェアの商品だけです。',
        en: 'Licences can be imported only for a software product.',
      },
    });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil)) {
    throw refused(0, { ja: '有効期限の日付が正しくありません。', en: 'The valid-until date is not a date.' });
  }
  const lines = input.csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > LICENCE_IMPORT_MAX_LINES + 1) {
    throw refused(LICENCE_IMPORT_MAX_LINES + 1, {
      ja: `1ファイル${LICENCE_IMPORT_MAX_LINES}行までです。`,
      en: `A file may have at most ${LICENCE_IMPORT_MAX_LINES} lines.`,
    });
  }
  const rows: { line: number; number: string; keyHash: string; edition: LicenceEdition }[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') continue;
    const cells = text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (line === 1 && cells[0]?.toLowerCase() === 'registration_number') continue;
    if (cells.length !== 3) {
      throw refused(line, {
        ja: '製品登録番号・インストールキー・版の3列にしてください。',
        en: 'Give three columns: registration number, install key, edition.',
      });
    }
    const [numberCell, keyCell, editionCell] = cells as [string, string, string];
    const number = normaliseRegistrationNumber(numberCell);
    if (!number) {
      throw refused(line, {
        ja: '製品登録番号は12桁の数字です。',
        en: 'A registration number is 12 digits.',
      });
    }
    const key = normaliseInstallKey(keyCell);
    if (!/^[0-9A-Z]{10,40}$/.test(key)) {
      throw refused(line, {
        ja: 'インストールキーは英数字10〜40文字です。',
        en: 'An install key is 10 to 40 letters and digits.',
      });
    }
    const edition = editions.find((e) => e === editionCell.toLowerCase());
    if (!edition) {
      throw refused(line, {
        ja: '版は package(パッケージ版)か download(ダウンロード版)です。',
        en: 'The edition is package or download.',
      });
    }
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      throw refused(line, {
        ja: `製品登録番号 ${number} は${earlier}行目にもあります。`,
        en: `The registration number ${number} is also on line ${earlier}.`,
      });
    }
    seen.set(number, line);
    rows.push({ line, number, keyHash: hashInstallKey(key), edition });
  }
  if (rows.length === 0) {
    throw refused(1, { ja: 'ライセンスの行がありません。', en: 'The file has no licence lines.' });
  }

  return db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const taken = await tx
        .select({ number: licences.registrationNumber })
        .from(licences)
        .where(
          inArray(
            licences.registrationNumber,
            chunk.map((r) => r.number),
          ),
        );
      if (taken.length > 0) {
        const first = chunk.find((r) => taken.some((t) => t.number === r.number))!;
        throw refused(first.line, {
          ja: `製品登録番号 ${first.number} は登録済みです。`,
          en: `The registration number ${first.number} is already in the store.`,
        });
      }
      const at = toDate(input.now);
      await tx.insert(licences).values(
        chunk.map((r) => ({
          id: newId('licence'),
          contractId: null,
          memberId: null,
          productId: input.productId,
          registrationNumber: r.number,
          installKeyHash: r.keyHash,
          edition: r.edition,
          machineLimit: product.definition.licenceMachineLimit,
          contractStatus: 'active',
          validUntil: input.validUntil,
          updatesAllowedUntil: input.validUntil,
          createdAt: at,
          updatedAt: at,
        })),
      );
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'licence.imported',
      targetType: 'catalog_product',
      targetId: input.productId,
      // How many and which numbers' range; never a key.
      after: {
        count: rows.length,
        validUntil: input.validUntil,
        firstNumber: rows[0]!.number,
        lastNumber: rows.at(-1)!.number,
      },
      at: input.now,
    });
    return { imported: rows.length };
  });
}
