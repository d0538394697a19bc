// Why invitation passwords use HMAC-SHA-256 and not argon2id: the per-password cost decides how
// long a 100,000-row Import & Invite takes (product.md, "Invitation").
import { hashAdministratorPassword } from '../server/domain/auth/passwords';
import {
  generateInvitationPassword,
  hashInvitationPassword,
} from '../server/domain/invitations/password';
import { medianMs, result, type BenchResult } from './measure';

export async function invitationHashBench(): Promise<BenchResult[]> {
  const secret = 'bench-secret-bench-secret-bench-secret';
  const hmacMs = await medianMs(
    () => {
      for (let i = 0; i < 1000; i += 1)
        hashInvitationPassword(generateInvitationPassword(), secret);
    },
    9,
    2,
  );
  const argonMs = await medianMs(
    () => hashAdministratorPassword(generateInvitationPassword()),
    5,
    1,
  );
  const hmacPer = hmacMs / 1000;
  return [
    result(
      'invitation password: argon2id vs HMAC-SHA-256 (ms each)',
      'ms',
      hmacPer,
      argonMs,
      `argon2id would add ${((argonMs * 100_000) / 60_000).toFixed(0)} min to a 100,000-row Import & Invite; HMAC adds ${((hmacPer * 100_000) / 1000).toFixed(1)} s.`,
    ),
  ];
}
