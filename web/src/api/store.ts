// The store's public profile (name, issuer, contact), read once and shared by every layout.
import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from './client';
import type { paths } from './schema';

export type StoreProfile = paths['/api/store']['get']['responses'][200]['content']['application/json'];

/** Loads GET /api/store; the profile changes rarely, so one fetch per page load is enough. */
export function useStoreProfile() {
  return useQuery({
    queryKey: ['store'],
    queryFn: async ({ signal }): Promise<StoreProfile> => {
      return dataOf(await api.GET('/api/store', { signal }), '/api/store');
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
