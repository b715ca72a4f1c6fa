// Console routes of software licences: search, one licence with its machines and validations, free a machine, revoke and reissue an install key (shown once), import printed packages from CSV.
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../domain/errors.js';
import { listProductsOfKind } from '../../../modules/catalog/index.js';
import {
  freeLicenceMachineByOperator,
  getLicenceDetail,
  importLicences,
  LICENCE_IMPORT_MAX_LINES,
  type LicenceListItem,
  listLicenceValidations,
  reissueInstallKey,
  searchLicences,
} from '../../../modules/licensing/index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { licenceMachineSchema, memberLicenceJson, memberLicenceSchema } from '../mypage/licence-schemas.js';
import { operatorActor, problem } from './admin-schemas.js';

const licenceHolderSchema = z.object({
  id: z.string(),
  loginId: z.string(),
  name: z.string(),
  companyName: z.string().nullable(),
});

const adminLicenceSchema = memberLicenceSchema
  .extend({
    member: licenceHolderSchema
      .nullable()
      .openapi({ description: 'null: an imported package no member holds yet' }),
    attachedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('AdminLicence');

const adminLicenceDetailSchema = adminLicenceSchema
  .extend({
    contractNumber: z.string().nullable(),
    validations: z
      .array(licenceMachineSchema)
      .openapi({ description: "each machine's last validation (version, time), newest first" }),
  })
  .openapi('AdminLicenceDetail');

function adminLicenceJson(item: LicenceListItem) {
  return {
    ...memberLicenceJson(item),
    member: item.member,
    attachedAt: item.attachedAt,
    createdAt: item.createdAt,
  };
}

/** Licences newest first, searched and paged. */
export function adminListLicencesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/licences',
      tags: ['admin'],
      summary: 'Software licences (ライセンス)',
      description:
        'Newest first. `number`: part of a registration number (hyphens ignored); `member`: a member id or part of the login ID, name, company or email; `product`: a product id or part of its name; `edition`; `status`: the contract status the licence follows; `holder`: `none` for imported packages no member holds yet, `member` for held ones; `limit` (1–200, 50) and `offset` page through `total`.',
      middleware: [requirePermission('licences.read')] as const,
      request: {
        query: z.object({
          number: z.string().max(40).optional(),
          member: z.string().max(200).optional(),
          product: z.string().max(200).optional(),
          edition: z.enum(['package', 'download']).optional(),
          status: z.string().max(40).optional(),
          holder: z.enum(['none', 'member']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of licences and the number of matches',
          content: {
            'application/json': {
              schema: z.object({ licences: z.array(adminLicenceSchema), total: z.number().int() }),
            },
          },
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await searchLicences(c.get('ctx').db, {
        number: q.number,
        member: q.member,
        product: q.product,
        edition: q.edition,
        status: q.status,
        unattached: q.holder === undefined ? undefined : q.holder === 'none',
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ licences: page.items.map(adminLicenceJson), total: page.total }, 200);
    },
  );
}

/** The software products licences can be imported for (the import form's choice). */
export function adminListLicenceProductsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/licences/products',
      tags: ['admin'],
      summary: 'Software products, for the licence import',
      middleware: [requirePermission('licences.manage')] as const,
      responses: {
        200: {
          description: "every product of kind `software`, drafts included, in the store's order",
          content: {
            'application/json': {
              schema: z
                .object({
                  products: z.array(
                    z.object({
                      id: z.string(),
                      status: z.string(),
                      name: z.object({ ja: z.string(), en: z.string() }),
                    }),
                  ),
                })
                .openapi('LicenceProducts'),
            },
          },
        },
      },
    }),
    async (c) => c.json({ products: await listProductsOfKind(c.get('ctx').db, 'software') }, 200),
  );
}

/** One licence with its holder, contract, machines and validations. */
export function adminGetLicenceRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/licences/{id}',
      tags: ['admin'],
      summary: 'One software licence',
      middleware: [requirePermission('licences.read')] as const,
      request: { params: z.object({ id: z.string().max(60) }) },
      responses: {
        200: {
          description: 'the licence (never its install key: only a hash is kept)',
          content: { 'application/json': { schema: adminLicenceDetailSchema } },
        },
        404: problem('no such licence'),
      },
    }),
    async (c) => {
      const detail = await getLicenceDetail(c.get('ctx').db, c.req.valid('param').id);
      return c.json(
        {
          ...adminLicenceJson(detail),
          contractNumber: detail.contractNumber,
          validations: detail.validations,
        },
        200,
      );
    },
  );
}

const licenceValidationSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    code: z.string().openapi({ description: "the answer's code (valid, not_found, expired …)" }),
    productVersion: z.string(),
    machineFingerprintHash: z.string().openapi({ description: 'hex SHA-256 of the fingerprint sent' }),
    machineFingerprint: z
      .string()
      .nullable()
      .openapi({ description: 'the fingerprint, while that machine is activated on the licence' }),
    ipAddress: z.string().nullable(),
  })
  .openapi('LicenceValidation');

/** Every answer validate gave for one licence, newest first, paged. */
export function adminListLicenceValidationsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/licences/{id}/validations',
      tags: ['admin'],
      summary: 'The validation log of one licence',
      description:
        'Every answer `POST /api/license/v1/validate` gave for the licence, newest first (then by id); `limit` (1–200, 50) and `offset` page through `total`. Kept for LICENCE_VALIDATION_RETENTION_DAYS (400) days.',
      middleware: [requirePermission('licences.read')] as const,
      request: {
        params: z.object({ id: z.string().max(60) }),
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'a page of validations and how many there are',
          content: {
            'application/json': {
              schema: z
                .object({ validations: z.array(licenceValidationSchema), total: z.number().int() })
                .openapi('LicenceValidationPage'),
            },
          },
        },
        404: problem('no such licence'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listLicenceValidations(c.get('ctx').db, {
        licenceId: c.req.valid('param').id,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json({ validations: page.items, total: page.total }, 200);
    },
  );
}

/** DELETE /api/admin/licences/{id}/machines/{machineFingerprint}: frees a machine slot, with a reason. */
export function adminFreeLicenceMachineRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/licences/{id}/machines/{machineFingerprint}',
      tags: ['admin'],
      summary: 'Free a machine of a licence (台数の解放)',
      middleware: [requirePermission('licences.manage')] as const,
      request: {
        params: z.object({ id: z.string().max(60), machineFingerprint: z.string().min(1).max(200) }),
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ reason: z.string().trim().min(1).max(500) })
                .openapi('FreeLicenceMachineRequest'),
            },
          },
        },
      },
      responses: {
        204: { description: 'freed: another machine may be activated' },
        404: problem('no such licence or machine'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const params = c.req.valid('param');
      await freeLicenceMachineByOperator(ctx.db, {
        licenceId: params.id,
        machineFingerprint: params.machineFingerprint,
        reason: c.req.valid('json').reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}

/** POST /api/admin/licences/import: a CSV of printed packages, imported whole or refused with the line of the first problem. */
export function adminImportLicencesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/licences/import',
      tags: ['admin'],
      summary: 'Import licences of printed packages from CSV (ライセンスの取り込み)',
      description: `The body is the CSV file itself (\`text/csv\`, UTF-8): \`registration_number,install_key,edition\` per line (the header line is optional, blank lines are skipped), at most ${LICENCE_IMPORT_MAX_LINES} lines. Every line is imported or none: a problem answers 422 \`licence_import_invalid\` with its \`line\`.`,
      middleware: [requirePermission('licences.manage')] as const,
      request: {
        query: z.object({
          productId: z.string().min(1).max(100),
          validUntil: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .openapi({
              example: '2027-03-31',
              description: 'the last day of the service that comes with the packages',
            }),
        }),
        body: {
          required: true,
          content: {
            'text/csv': {
              // The guard knows the marked schema object itself: `multilineText` must wrap, not be wrapped.
              schema: multilineText(
                z.string().openapi({
                  example:
                    'registration_number,install_key,edition\n1234-5678-9012,K7QX2-MHT4P-9RWZD-C3N8F-VB6YE,package',
                }),
              ),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'every line imported',
          content: {
            'application/json': {
              schema: z.object({ imported: z.number().int() }).openapi('LicenceImportResult'),
            },
          },
        },
        415: problem('the body is not text/csv'),
        422: problem('`licence_import_invalid` (with `line`) or `licence_import_product_not_software`'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      if (!/^text\/csv\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
        throw new AppError({
          code: 'licence_import_not_csv',
          status: 415,
          message: {
            ja: 'CSVファイル(text/csv)を送ってください。',
            en: 'Send the CSV file as text/csv.',
          },
        });
      }
      const query = c.req.valid('query');
      const result = await importLicences(ctx.db, {
        productId: query.productId,
        validUntil: query.validUntil,
        csv: await c.req.text(),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(result, 200);
    },
  );
}

/** POST /api/admin/licences/{id}/install-key: the old key stops working; the new one is in this answer only. */
export function adminReissueInstallKeyRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/licences/{id}/install-key',
      tags: ['admin'],
      summary: 'Revoke the install key and issue a new one (インストールキーの再発行)',
      middleware: [requirePermission('licences.manage')] as const,
      request: {
        params: z.object({ id: z.string().max(60) }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ reason: z.string().trim().max(500).nullable().default(null) }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the new key, shown once: it is not stored and cannot be shown again',
          content: {
            'application/json': {
              schema: z
                .object({ registrationNumber: z.string(), installKey: z.string() })
                .openapi('ReissuedInstallKey'),
            },
          },
        },
        404: problem('no such licence'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const issued = await reissueInstallKey(ctx.db, {
        licenceId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      // The answer carries a secret: never cached by anything between.
      c.header('cache-control', 'no-store');
      return c.json(issued, 200);
    },
  );
}
