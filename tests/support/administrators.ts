// Test helpers for administrators: invite one through the API and read the temporary password
// from the outbox (as the invitee would from the email), or get a signed-in token with chosen
// privileges — handy for 403 and 404-outside-the-subtree cases.
import type { Privilege } from '../../common/api/administrators';
import type { TestService } from './service';

export interface InvitedAdministrator {
  id: string;
  email: string;
  organizationId: string;
  temporaryPassword: string;
}

/** The `Temporary password: …` line of the newest invitation email to that address. */
export async function temporaryPasswordFor(service: TestService, email: string): Promise<string> {
  const message = await service.db
    .selectFrom('outbox_messages')
    .select('body')
    .where('to_address', '=', email)
    .where('administrator_id', 'is not', null)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const match = /^Temporary password: (\S+)$/m.exec(message.body);
  if (!match?.[1]) throw new Error(`No temporary password in the message to ${email}.`);
  return match[1];
}

let counter = 0;

/** POST /administrators as `token`; answers the new administrator with their temporary password. */
export async function inviteAdministrator(
  service: TestService,
  token: string,
  input: { organizationId?: string; privileges: Privilege[]; email?: string; name?: string },
): Promise<InvitedAdministrator> {
  counter += 1;
  const email = input.email ?? `admin-${Date.now().toString(36)}-${counter}@example.test`;
  const response = await service.request('POST', '/api/v1/administrators', {
    token,
    body: {
      organizationId: input.organizationId ?? service.rootOrganizationId,
      email,
      name: input.name ?? `Administrator ${counter}`,
      privileges: input.privileges,
    },
  });
  if (response.status !== 201) {
    throw new Error(`Inviting ${email} failed: ${response.status} ${response.text}`);
  }
  return {
    id: response.body.id,
    email,
    organizationId: response.body.organizationId,
    temporaryPassword: await temporaryPasswordFor(service, email),
  };
}

/** An access token of a new administrator with exactly these privileges in that organization. */
export async function tokenWithPrivileges(
  service: TestService,
  privileges: Privilege[],
  organizationId: string = service.rootOrganizationId,
): Promise<string> {
  const bootstrapToken = await service.login();
  const invited = await inviteAdministrator(service, bootstrapToken, {
    organizationId,
    privileges,
  });
  return service.login(invited.email, invited.temporaryPassword);
}
