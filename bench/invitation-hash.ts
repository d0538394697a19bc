// Why invitation passwords use HMAC-SHA-256 and not argon2id: the per-password cost decides how
// long a 100,000-row Import & Invite takes (product.md, "Invitation").
import { hashAdministratorPassword } from '../server/domain/auth/passwords';
import {
  generateInvitationPassword,
  hashInvitationPassword,
} from '../server/domain/invitations/password';
import { figure, type BenchModule } from './bench-module';
import { medianMs } from './measure';

export const invitationHashBench: BenchModule = {
  name: 'invitation hash',
  async run(context) {
    const secret = 'bench-secret-bench-secret-bench-secret';
    const hmacMs = await medianMs(
      () => {
        for (let i = 0; i < 1000; i += 1)
          hashInvitationPassword(generateInvitationPassword(), secret);
      },
      context.quick ? 3 : 9,
      1,
    );
    const argonMs = await medianMs(
      () => hashAdministratorPassword(generateInvitationPassword()),
      context.quick ? 2 : 5,
      1,
    );
    const hmacPer = hmacMs / 1000;
    return [
      figure(
        'invitation.hmacMs',
        hmacPer,
        'ms',
        `One invitation password (HMAC-SHA-256): ${((hmacPer * 100_000) / 1000).toFixed(1)} s for 100,000 invitations.`,
      ),
      figure(
        'invitation.argonMs',
        argonMs,
        'ms',
        `The same with argon2id would add ${((argonMs * 100_000) / 60_000).toFixed(0)} min to a 100,000-row Import & Invite.`,
      ),
    ];
  },
};
