// Account recovery and security over the API: forgotten password and login ID, backup-code sign-in, password change, backup codes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from './client';
import type { components } from './schema';

export type BackupCode = components['schemas']['BackupCode'];
export type PasswordResetCompletion = components['schemas']['PasswordResetCompletion'];

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (loginId: string) => {
      return dataOf(await api.POST('/api/password-resets', { body: { loginId } }), '/api/password-resets');
    },
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: async (body: PasswordResetCompletion) => {
      return dataOf(
        await api.POST('/api/password-resets/complete', { body }),
        '/api/password-resets/complete',
      );
    },
  });
}

export function useRequestLoginIdReminder() {
  return useMutation({
    mutationFn: async (email: string) => {
      return dataOf(
        await api.POST('/api/login-id-reminders', { body: { email } }),
        '/api/login-id-reminders',
      );
    },
  });
}

export function useVerifyBackupCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      return dataOf(
        await api.POST('/api/sessions/verify-backup-code', {
          body: { code },
        }),
        '/api/sessions/verify-backup-code',
      );
    },
    // The same key as useMe in member.ts: the header and My Page learn that a member is now signed in.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      return dataOf(await api.POST('/api/mypage/password', { body }), '/api/mypage/password');
    },
  });
}

export function useRevealBackupCodes() {
  return useMutation({
    mutationFn: async (password: string) => {
      return dataOf(
        await api.POST('/api/mypage/backup-codes/reveal', {
          body: { password },
        }),
        '/api/mypage/backup-codes/reveal',
      ).codes;
    },
  });
}

export function useRegenerateBackupCodes() {
  return useMutation({
    mutationFn: async (password: string) => {
      return dataOf(
        await api.POST('/api/mypage/backup-codes/regenerate', {
          body: { password },
        }),
        '/api/mypage/backup-codes/regenerate',
      ).codes;
    },
  });
}
