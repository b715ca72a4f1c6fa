// OpenAPI schemas of the member's licence routes (My Page) and the function that shapes a licence into them.
import { z } from '@hono/zod-openapi';
import { contractStatuses, contractStatusLabels } from '../../../domain/contracts.js';
import type { MemberLicence } from '../../../modules/licensing/index.js';
import { bilingualSchema } from '../store/catalog-schemas.js';

/** The editions as people read them. */
export const licenceEditionLabels = {
  package: { ja: 'パッケージ版', en: 'Package edition' },
  download: { ja: 'ダウンロード版', en: 'Download edition' },
} as const;

const dateSchema = z.string().openapi({ example: '2026-03-31', description: 'YYYY-MM-DD (Asia/Tokyo)' });

export const licenceMachineSchema = z
  .object({
    machineFingerprint: z.string(),
    activatedAt: z.string(),
    lastSeenAt: z.string(),
    lastProductVersion: z.string(),
  })
  .openapi('LicenceMachine');

export const memberLicenceSchema = z
  .object({
    licenceId: z.string(),
    registrationNumber: z.string().openapi({ example: '1234-5678-9012' }),
    productName: bilingualSchema,
    edition: z.enum(['package', 'download']),
    editionLabel: bilingualSchema,
    contractId: z.string().nullable(),
    status: z.string(),
    statusLabel: bilingualSchema,
    validUntil: dateSchema,
    updatesAllowedUntil: dateSchema,
    machineLimit: z.number().int(),
    machines: z.array(licenceMachineSchema),
  })
  .openapi('MemberLicence');

export const attachLicenceBodySchema = z
  .object({
    registrationNumber: z.string().min(1).max(32).openapi({ example: '1234-5678-9012' }),
    installKey: z.string().min(1).max(64).openapi({ example: 'K7QX2-MHT4P-9RWZD-C3N8F-VB6YE' }),
  })
  .openapi('AttachLicenceRequest');

/** A status label: a contract status has its label; an imported licence's `active` reads as in service. */
function statusLabel(status: string): { ja: string; en: string } {
  const known = (contractStatuses as readonly string[]).includes(status)
    ? (status as (typeof contractStatuses)[number])
    : null;
  return known
    ? { ja: contractStatusLabels.ja[known], en: contractStatusLabels.en[known] }
    : { ja: status, en: status };
}

/** Shapes a licence for My Page. */
export function memberLicenceJson(l: MemberLicence): z.infer<typeof memberLicenceSchema> {
  return {
    licenceId: l.licenceId,
    registrationNumber: l.registrationNumber,
    productName: l.productName,
    edition: l.edition,
    editionLabel: licenceEditionLabels[l.edition],
    contractId: l.contractId,
    status: l.contractStatus,
    statusLabel: statusLabel(l.contractStatus),
    validUntil: l.validUntil,
    updatesAllowedUntil: l.updatesAllowedUntil,
    machineLimit: l.machineLimit,
    machines: l.machines,
  };
}
