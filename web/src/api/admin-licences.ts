// The console's software licences through the generated client: search, one licence, free a machine, reissue an install key, import a CSV of printed packages.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorRole } from './admin';
import { api, dataOf, expectOk, retryBlips } from './client';
import type { components } from './schema';

export type AdminLicence = components['schemas']['AdminLicence'];
export type AdminLicenceDetail = components['schemas']['AdminLicenceDetail'];
export type LicenceEdition = AdminLicence['edition'];

export const licenceEditions = ['package', 'download'] as const satisfies readonly LicenceEdition[];
/** The contract statuses a licence follows (an imported package is `active`). */
export const licenceStatuses = ['active', 'suspended', 'cancellation_scheduled', 'expired', 'ended'] as const;

// Under the 'admin' prefix of api/admin.ts, so signing out drops these with every other admin query.
const adminLicencesKey = ['admin', 'licences'] as const;

export interface LicenceFilters {
  number?: string | undefined;
  member?: string | undefined;
  product?: string | undefined;
  edition?: LicenceEdition | undefined;
  status?: string | undefined;
  holder?: 'none' | 'member' | undefined;
  limit: number;
  offset: number;
}

/** GET /api/admin/licences. */
export function useAdminLicences(filters: LicenceFilters) {
  return useQuery({
    queryKey: [...adminLicencesKey, 'list', filters],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/licences', { params: { query: filters }, signal }),
        '/api/admin/licences',
      ),
    placeholderData: keepPreviousData,
    retry: retryBlips,
  });
}

/** GET /api/admin/licences/{id}. */
export function useAdminLicence(id: string) {
  return useQuery({
    queryKey: [...adminLicencesKey, 'one', id],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/licences/{id}', { params: { path: { id } }, signal }),
        '/api/admin/licences/{id}',
      ),
    retry: retryBlips,
  });
}

/** One page of a licence's validation log (every answer validate gave), newest first. */
export function useAdminLicenceValidations(id: string, offset: number, limit: number) {
  return useQuery({
    queryKey: [...adminLicencesKey, 'validations', id, offset, limit],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/licences/{id}/validations', {
          params: { path: { id }, query: { offset, limit } },
          signal,
        }),
        '/api/admin/licences/{id}/validations',
      ),
    retry: retryBlips,
  });
}

/** Whether the roles may free machines, reissue keys and import (the server's `licences.manage`), only to hide refused buttons. */
export function mayManageLicences(roles: readonly OperatorRole[]): boolean {
  return roles.some((role) => role === 'owner' || role === 'support');
}

/** DELETE /api/admin/licences/{id}/machines/{machineFingerprint} with a reason. */
export function useAdminFreeMachine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; machineFingerprint: string; reason: string }) => {
      expectOk(
        await api.DELETE('/api/admin/licences/{id}/machines/{machineFingerprint}', {
          params: { path: { id: input.id, machineFingerprint: input.machineFingerprint } },
          body: { reason: input.reason },
        }),
        '/api/admin/licences/{id}/machines/{machineFingerprint}',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminLicencesKey }),
  });
}

/** POST /api/admin/licences/{id}/install-key: the new key is in the answer only. */
export function useReissueInstallKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; reason: string }) =>
      dataOf(
        await api.POST('/api/admin/licences/{id}/install-key', {
          params: { path: { id: input.id } },
          body: { reason: input.reason === '' ? null : input.reason },
        }),
        '/api/admin/licences/{id}/install-key',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminLicencesKey }),
  });
}

/** POST /api/admin/licences/import with the file itself as the text/csv body. */
export function useImportLicences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { productId: string; validUntil: string; csv: string }) =>
      dataOf(
        await api.POST('/api/admin/licences/import', {
          params: { query: { productId: input.productId, validUntil: input.validUntil } },
          body: input.csv,
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
        '/api/admin/licences/import',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminLicencesKey }),
  });
}
