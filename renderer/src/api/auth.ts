// The signed-in administrator (GET /me).
import { api } from './client';
import type { Administrator } from './types';

export async function getMe(): Promise<Administrator> {
  return (await api.get<Administrator>('/me')).data;
}

/** Replaces the signed-in administrator's password (e.g. the temporary one from an invitation). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post('/auth/password', { currentPassword, newPassword });
}
