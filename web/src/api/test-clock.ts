// The rehearsal store clock (KEIYAKU_TEST_CLOCK=1): its time for the console banner, and the owner's move forward.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiError, dataOf, retryBlips } from './client';
import type { components } from './schema';

export type TestClock = components['schemas']['TestClock'];
export type TestClockMove = components['schemas']['TestClockMove'];

// Under the admin key, so signing out drops it with the rest of the console's data.
const testClockKey = ['admin', 'test-clock'] as const;

/**
 * The store clock, or null when nobody is signed in (401). Only asked when the store profile says the
 * store runs on it (`testClock`), so a normal store's console makes no request that answers 404.
 */
export function useTestClock(enabled = true) {
  return useQuery({
    queryKey: testClockKey,
    enabled,
    queryFn: async ({ signal }): Promise<TestClock | null> => {
      const { data, error, response } = await api.GET('/api/admin/test-clock', { signal });
      if (response.status === 404 || response.status === 401) return null;
      if (data === undefined) throw apiError(response, '/api/admin/test-clock', error);
      return data;
    },
    // The store's time runs on; a move made elsewhere shows within a minute.
    refetchInterval: 60_000,
    retry: retryBlips,
  });
}

/** Moves the store clock forward; everything the console shows may have changed, so all of it is refetched. */
export function useMoveTestClock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (to: string): Promise<TestClockMove> => {
      return dataOf(await api.POST('/api/admin/test-clock', { body: { to } }), '/api/admin/test-clock');
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** `2027-04-01 09:00` in the store's time zone (Asia/Tokyo), whatever the browser's zone. */
export function storeTimeText(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
