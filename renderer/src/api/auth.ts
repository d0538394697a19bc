// The signed-in administrator's own password (signing in itself happens in main, over IPC).
import { passwordChangeResponseSchema } from '../../../common/api/auth';
import { request } from './request';

/** Replaces the signed-in administrator's password (e.g. the temporary one from an invitation). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request(passwordChangeResponseSchema, {
    method: 'POST',
    url: '/auth/password',
    data: { currentPassword, newPassword },
    what: 'the password change',
  });
}
