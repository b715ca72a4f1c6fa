// The licence API's request and answer schemas, shared by its routes and documented under the `license` tag.
import { z } from '@hono/zod-openapi';
import { licenceAnswerCodes } from '../../../domain/licences.js';

export const validateLicenceBodySchema = z
  .object({
    registrationNumber: z.string().min(1).max(32).openapi({ example: '1234-5678-9012' }),
    installKey: z.string().min(1).max(64).openapi({ example: 'K7QX2-MHT4P-9RWZD-C3N8F-VB6YE' }),
    machineFingerprint: z.string().min(1).max(128).openapi({
      description:
        "The product's own stable identifier of the machine (e.g. a hash of hardware ids); opaque to the store",
      example: 'b1946ac92492d2347c6235b4d2611184',
    }),
    productVersion: z.string().min(1).max(32).openapi({ example: '2026.1.0' }),
  })
  .openapi('LicenceValidationRequest');

const bilingualSchema = z.object({ ja: z.string(), en: z.string() });

export const licenceAnswerSchema = z
  .object({
    code: z.enum(licenceAnswerCodes),
    valid: z.boolean(),
    mayStart: z.boolean(),
    mayUpgrade: z.boolean(),
    registrationNumber: z.string().nullable(),
    machineFingerprint: z.string(),
    edition: z.enum(['package', 'download']).nullable(),
    validUntil: z.iso
      .date()
      .nullable()
      .openapi({ description: 'last day of the paid basic service, Asia/Tokyo' }),
    updatesAllowedUntil: z.iso.date().nullable().openapi({
      description: 'versions released up to this day may be installed free of charge',
    }),
    message: bilingualSchema.openapi({ description: 'what the product shows the user' }),
    issuedAt: z.string().openapi({ example: '2026-04-01T00:00:00Z' }),
    expiresAt: z.string().openapi({ description: 'the signed answer may be trusted offline until then' }),
  })
  .openapi('LicenceAnswer');

export const signedLicenceAnswerSchema = z
  .object({
    keyId: z.string(),
    algorithm: z.literal('Ed25519'),
    data: z
      .string()
      .openapi({ description: 'base64url of the answer JSON: the bytes signed after the prefix `licence/`' }),
    signature: z.string().openapi({ description: 'base64url Ed25519 signature over `licence/` + data' }),
  })
  .openapi('SignedLicenceAnswer');

export const validationResultSchema = licenceAnswerSchema
  .extend({ signed: signedLicenceAnswerSchema })
  .openapi('LicenceValidation');

export const publishedKeySchema = z
  .object({
    keyId: z.string(),
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().openapi({ description: 'raw 32-byte public key, base64url (JWK `x`)' }),
    publicKeyPem: z.string().openapi({ description: 'the same key as an SPKI PEM' }),
    current: z.boolean(),
    createdAt: z.string(),
    retiredAt: z.string().nullable(),
    publishedUntil: z.string().nullable().openapi({
      description:
        'for a retired key: when the last answer it signed expires and the key is no longer listed',
    }),
  })
  .openapi('LicencePublicKey');
