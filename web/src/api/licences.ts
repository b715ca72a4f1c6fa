// The member's software licences through the generated client: list, attach with number and key, free a machine.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, expectOk } from './client';
import type { components } from './schema';

export type MemberLicence = components['schemas']['MemberLicence'];

const myLicencesKey = ['my-licences'] as const;

/** GET /api/mypage/licences. */
export function useMyLicences() {
  return useQuery({
    queryKey: myLicencesKey,
    queryFn: async ({ signal }) =>
      dataOf(await api.GET('/api/mypage/licences', { signal }), '/api/mypage/licences').licences,
  });
}

/** POST /api/mypage/licences: attach a packaged product. */
export function useAttachLicence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { registrationNumber: string; installKey: string }) =>
      dataOf(await api.POST('/api/mypage/licences', { body }), '/api/mypage/licences'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myLicencesKey }),
  });
}

/** DELETE /api/mypage/licences/{licenceId}/machines/{machineFingerprint}. */
export function useFreeMachine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { licenceId: string; machineFingerprint: string }) => {
      expectOk(
        await api.DELETE('/api/mypage/licences/{licenceId}/machines/{machineFingerprint}', {
          params: { path: input },
        }),
        '/api/mypage/licences/{licenceId}/machines/{machineFingerprint}',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myLicencesKey }),
  });
}
