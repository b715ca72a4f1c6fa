// Account recovery and security over the API: forgotten password and login ID, backup-code sign-in, password change, backup codes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiError } from './client';
import type { components } from './schema';

export type BackupCode = components['schemas']['BackupCode'];
export type PasswordResetCompletion = components['schemas']['PasswordResetCompletion'];

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (loginId: string) => {
      const { data, error, response } = await api.POST('/api/password-resets', { body: { loginId } });
      if (data === undefined) throw apiError(response, '/api/password-resets', error);
      return data;
    },
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: async (body: PasswordResetCompletion) => {
      const { data, error, response } = await api.POST('/api/password-resets/complete', { body });
      if (data === undefined) throw apiError(response, '/api/password-resets/complete', error);
      return data;
    },
  });
}

export function useRequestLoginIdReminder() {
  return useMutation({
    mutationFn: async (email: string) => {
      const { data, error, response } = await api.POST('/api/login-id-reminders', { body: { email } });
      if (data === undefined) throw apiError(response, '/api/login-id-reminders', error);
      return data;
    },
  });
}

export function useVerifyBackupCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      const { data, error, response } = await api.POST('/api/sessions/verify-backup-code', {
        body: { code },
      });
      if (data === undefined) throw apiError(response, '/api/sessions/verify-backup-code', error);
      return data;
    },
    // The same key as useMe in member.ts: the header and My Page learn that a member is now signed in.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) => {
      const { data, error, response } = await api.POST('/api/mypage/password', { body });
      if (data === undefined) throw apiError(response, '/api/mypage/password', error);
      return data;
    },
  });
}

export function useRevealBackupCodes() {
  return useMutation({
    mutationFn: async (password: string) => {
      const { data, error, response } = await api.POST('/api/mypage/backup-codes/reveal', {
        body: { password },
      });
      if (data === undefined) throw apiError(response, '/api/mypage/backup-codes/reveal', error);
      return data.codes;
    },
  });
}

export function useRegenerateBackupCodes() {
  return useMutation({
    mutationFn: async (password: string) => {
      const { data, error, response } = await api.POST('/api/mypage/backup-codes/regenerate', {
        body: { password },
      });
      if (data === undefined) throw apiError(response, '/api/mypage/backup-codes/regenerate', error);
      return data.codes;
    },
  });
}
