// The signed-in administrator (GET /me).
import { api } from './client';
import type { Administrator } from './types';

export async function getMe(): Promise<Administrator> {
  return (await api.get<Administrator>('/me')).data;
}
