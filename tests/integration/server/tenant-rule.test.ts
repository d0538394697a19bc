// The tenant rule, checked on every route at once: an administrator of one organization asks every
// list and lookup route for a sibling organization's data and never gets it (404, or a list
// without it). A new route that forgets the scope module fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privileges } from '../../../common/api/administrators';
import { inviteAdministrator, tokenWithPrivileges } from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';
import { addNumbers, createAccount, createOrganization } from './accounts-helpers';
import { openImport } from './imports-helpers';

/** Routes that are not about organization data (or need no administrator at all). */
const notTenantData = new Set([
  '/api/v1/health',
  '/api/v1/openapi.json',
  '/api/v1/me',
  '/api/v1/imports/template.csv',
]);

/** Lookups written as lists: the query that names the sibling's data (answered with 404). */
const lookupQueries: Record<string, (ids: SiblingIds) => Record<string, string>> = {
  '/api/v1/accounts/move-check': (ids) => ({
    accountIds: ids.account,
    targetOrganizationId: ids.organization,
  }),
};

/** Which sibling id a path parameter takes, by the resource the route names. */
const idKinds: Record<string, keyof SiblingIds> = {
  organizations: 'organization',
  accounts: 'account',
  numbers: 'number',
  administrators: 'administrator',
  imports: 'importJob',
  'permission-profiles': 'profile',
};

interface SiblingIds {
  organization: string;
  account: string;
  number: string;
  administrator: string;
  importJob: string;
  profile: string;
}

describe.each(serviceBackends())('the tenant rule on every route on $name', (backend) => {
  let service: TestService;
  let eastToken: string;
  let sibling: SiblingIds;

  beforeAll(async () => {
    service = await startTestService(backend, { listen: false });
    const token = await service.login();
    const east = await createOrganization(service, token, 'East');
    const west = await createOrganization(service, token, 'West');
    const number = '+12025550701';
    await addNumbers(service, token, west, [number, '+12025550702']);
    const account = await createAccount(service, token, {
      organizationId: west,
      contact: 'west.person@example.test',
      number,
      invite: true,
    });
    const administrator = await inviteAdministrator(service, token, {
      organizationId: west,
      privileges: ['accounts'],
    });
    const importJob = await openImport(service, token, { organizationId: west });
    const profile = await service.request('POST', '/api/v1/permission-profiles', {
      token,
      body: { organizationId: west, name: 'West only' },
    });
    expect(profile.status, profile.text).toBe(201);
    sibling = {
      organization: west,
      account: account.id,
      number,
      administrator: administrator.id,
      importJob: importJob.id,
      profile: profile.body.id as string,
    };
    eastToken = await tokenWithPrivileges(service, [...privileges], east);
  });
  afterAll(() => service.close());

  /** The sibling ids that appear in an answer (a leak), by kind. */
  function leaked(text: string): string[] {
    return Object.entries(sibling)
      .filter(([, id]) => text.includes(id))
      .map(([kind]) => kind);
  }

  it('list routes answer 404 for a sibling organization, and never list its data', async () => {
    const lists = service.app.apiRoutes.filter(
      (route) =>
        route.method === 'GET' &&
        route.url.startsWith('/api/v1/') &&
        !route.url.includes(':') &&
        !notTenantData.has(route.url),
    );
    expect(lists.length).toBeGreaterThan(8);
    const problems: string[] = [];
    for (const route of lists) {
      const lookup = lookupQueries[route.url];
      if (lookup) {
        const asked = await service.request('GET', route.url, {
          token: eastToken,
          query: lookup(sibling),
        });
        if (asked.status !== 404) problems.push(`${route.url} → ${asked.status} ${asked.text}`);
        continue;
      }
      const all = await service.request('GET', route.url, { token: eastToken });
      if (all.status !== 200) problems.push(`${route.url} → ${all.status} ${all.text}`);
      const seen = leaked(all.text);
      if (seen.length > 0) problems.push(`${route.url} lists the sibling's ${seen.join(', ')}`);
      for (const includeSubOrganizations of ['false', 'true']) {
        const asked = await service.request('GET', route.url, {
          token: eastToken,
          query: { organizationId: sibling.organization, includeSubOrganizations },
        });
        // A list that ignores organizationId must still leave the sibling's data out.
        if (asked.status === 404) continue;
        const leak = leaked(asked.text.replaceAll(sibling.organization, ''));
        if (asked.status < 300 && leak.length > 0) {
          problems.push(`${route.url}?organizationId=sibling lists its ${leak.join(', ')}`);
        } else if (asked.status >= 300) {
          problems.push(`${route.url}?organizationId=sibling → ${asked.status} ${asked.text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every route taking an id in its path answers 404 for a sibling’s id', async () => {
    const lookups = service.app.apiRoutes.filter(
      (route) =>
        route.url.startsWith('/api/v1/') &&
        route.url.includes(':') &&
        !['HEAD', 'OPTIONS'].includes(route.method) &&
        !route.url.startsWith('/api/v1/activation'),
    );
    expect(lookups.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const route of lookups) {
      const resource = route.url.replace('/api/v1/', '').split('/')[0] ?? '';
      const kind = idKinds[resource];
      if (!kind) {
        problems.push(`${route.method} ${route.url}: say in idKinds which id it takes`);
        continue;
      }
      // The first parameter is the resource's id; any further one (a chunk index) a plain 0.
      let first = true;
      const url = route.url.replace(/:\w+/g, () => {
        const value = first ? encodeURIComponent(sibling[kind]) : '0';
        first = false;
        return value;
      });
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const response = await service.request(route.method, url, { token: eastToken, body });
      const allowed = route.method === 'GET' ? [404] : [404, 422];
      if (!allowed.includes(response.status)) {
        problems.push(`${route.method} ${route.url} → ${response.status} ${response.text}`);
      } else if (response.status === 404 && response.body?.error?.code !== 'NOT_FOUND') {
        problems.push(`${route.method} ${route.url} → 404 without NOT_FOUND`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('changes with a valid body aimed at a sibling answer 404 and change nothing', async () => {
    const changes: Array<[string, string, Record<string, unknown>]> = [
      ['POST', '/api/v1/organizations', { name: 'Inside West', parentId: sibling.organization }],
      [
        'PATCH',
        `/api/v1/organizations/${sibling.organization}/settings`,
        { invitationExpiryDays: 2 },
      ],
      [
        'PUT',
        `/api/v1/organizations/${sibling.organization}/invitation-template`,
        {
          emailSubject: 'Changed',
          emailBody: 'Hi {{firstName}}, {{username}} {{password}} {{activationLink}}',
          smsBody: '{{username}} {{password}} {{activationLink}}',
        },
      ],
      [
        'POST',
        '/api/v1/permission-profiles',
        { organizationId: sibling.organization, name: 'Planted' },
      ],
      ['PATCH', `/api/v1/administrators/${sibling.administrator}`, { name: 'Renamed' }],
      ['POST', `/api/v1/administrators/${sibling.administrator}/reset-password`, {}],
      ['DELETE', `/api/v1/administrators/${sibling.administrator}`, {}],
    ];
    const problems: string[] = [];
    for (const [method, url, body] of changes) {
      const response = await service.request(method, url, {
        token: eastToken,
        body: method === 'DELETE' ? undefined : body,
      });
      if (response.status !== 404 || response.body?.error?.code !== 'NOT_FOUND') {
        problems.push(`${method} ${url} → ${response.status} ${response.text}`);
      }
    }
    expect(problems).toEqual([]);
    const resend = await service.request('POST', '/api/v1/administrators/resend-invitation', {
      token: eastToken,
      body: { administratorIds: [sibling.administrator] },
    });
    expect(resend.body.results).toEqual([
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    const audit = await service.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', 'in', [sibling.organization, sibling.administrator])
      .execute();
    const refused = new Set([
      'organization.settings_changed',
      'organization.invitation_template_changed',
      'administrator.changed',
      'administrator.deleted',
      'administrator.password_reset',
      'administrator.invitation_resent',
    ]);
    expect(audit.map((event) => event.action).filter((action) => refused.has(action))).toEqual([]);
  });
});
