// The signed-in administrator (GET /me).
import { meSchema, type Me } from '../../../common/api/me';
import { request } from './request';

/** Who is signed in, with the organization name and whether a new password is due. */
export function getMe(): Promise<Me> {
  return request(meSchema, { url: '/me', what: 'your administrator details' });
}
