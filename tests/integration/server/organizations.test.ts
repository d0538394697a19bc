// Organizations (subtree, counts, capacity), settings, invitation templates and permission
// profiles, with the subtree rule (404 outside) and privileges (403), on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenWithPrivileges } from '../../support/administrators';
import { serviceBackends, startTestService, type TestService } from '../../support/service';

describe.each(serviceBackends())('organizations and setup on $name', (backend) => {
  let service: TestService;
  let token: string;
  let east: { id: string };
  let west: { id: string };
  let eastSales: { id: string };

  async function createOrganization(name: string, parentId: string, as = token) {
    const response = await service.request('POST', '/api/v1/organizations', {
      token: as,
      body: { name, parentId },
    });
    expect(response.status, response.text).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    service = await startTestService(backend);
    token = await service.login();
    east = await createOrganization('East', service.rootOrganizationId);
    west = await createOrganization('West', service.rootOrganizationId);
    eastSales = await createOrganization('East Sales', east.id);
  });
  afterAll(() => service.close());

  it('creates sub-organizations with counts, capacity and a default profile', async () => {
    const created = await createOrganization('North', service.rootOrganizationId);
    expect(created).toMatchObject({
      name: 'North',
      parentId: service.rootOrganizationId,
      numbers: { available: 0, reserved: 0, assigned: 0, registered: 0 },
      capacity: 0,
    });
    const profiles = await service.request('GET', '/api/v1/permission-profiles', {
      token,
      query: { organizationId: created.id },
    });
    expect(profiles.body.items[0]).toMatchObject({
      organizationId: created.id,
      name: 'Default User Permissions (Default)',
      isDefault: true,
      inherited: false,
    });
  });

  it('refuses a duplicate sibling name with 409', async () => {
    const response = await service.request('POST', '/api/v1/organizations', {
      token,
      body: { name: 'East', parentId: service.rootOrganizationId },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('ORGANIZATION_NAME_EXISTS');
  });

  it('lists the caller’s subtree flat and paged, with numbers counted by state', async () => {
    const now = new Date().toISOString();
    await service.db
      .insertInto('numbers')
      .values(
        ['+12025550101', '+12025550102', '+12025550103'].map((number, index) => ({
          number,
          organization_id: east.id,
          state: index === 2 ? ('reserved' as const) : ('available' as const),
          tag: index === 2 ? 'PORTED' : null,
          account_id: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const all = await service.request('GET', '/api/v1/organizations', { token });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(all.body.items[0]).toMatchObject({ id: service.rootOrganizationId, parentId: null });
    const eastView = all.body.items.find((item: { id: string }) => item.id === east.id);
    expect(eastView).toMatchObject({
      numbers: { available: 2, reserved: 1, assigned: 0, registered: 0 },
      capacity: 2,
    });
    expect(typeof eastView.numbers.available).toBe('number');

    const page = await service.request('GET', '/api/v1/organizations', {
      token,
      query: { page: '2', pageSize: '2' },
    });
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const search = await service.request('GET', '/api/v1/organizations', {
      token,
      query: { q: 'SALES' },
    });
    expect(search.body.items.map((item: { name: string }) => item.name)).toEqual(['East Sales']);
  });

  it('an administrator of a sub-organization sees only its subtree; other ids answer 404', async () => {
    const eastToken = await tokenWithPrivileges(
      service,
      ['setup', 'administrators', 'reports'],
      east.id,
    );
    const list = await service.request('GET', '/api/v1/organizations', { token: eastToken });
    expect(list.body.items.map((item: { name: string }) => item.name).sort()).toEqual([
      'East',
      'East Sales',
    ]);
    for (const id of [west.id, service.rootOrganizationId]) {
      for (const path of ['settings', 'invitation-template']) {
        const read = await service.request('GET', `/api/v1/organizations/${id}/${path}`, {
          token: eastToken,
        });
        expect(read.status).toBe(404);
        expect(read.body.error.code).toBe('NOT_FOUND');
      }
      const patch = await service.request('PATCH', `/api/v1/organizations/${id}/settings`, {
        token: eastToken,
        body: { maxLinesAllowed: 2 },
      });
      expect(patch.status).toBe(404);
      const child = await service.request('POST', '/api/v1/organizations', {
        token: eastToken,
        body: { name: 'Sneaky', parentId: id },
      });
      expect(child.status).toBe(404);
      const profile = await service.request('POST', '/api/v1/permission-profiles', {
        token: eastToken,
        body: { organizationId: id, name: 'Sneaky' },
      });
      expect(profile.status).toBe(404);
      const administrators = await service.request('GET', '/api/v1/administrators', {
        token: eastToken,
        query: { organizationId: id },
      });
      expect(administrators.status).toBe(404);
    }
    const own = await service.request('GET', `/api/v1/organizations/${eastSales.id}/settings`, {
      token: eastToken,
    });
    expect(own.status).toBe(200);
  });

  it('changing setup needs the Setup privilege (403 FORBIDDEN)', async () => {
    const accountsOnly = await tokenWithPrivileges(service, ['accounts']);
    const attempts = [
      service.request('POST', '/api/v1/organizations', {
        token: accountsOnly,
        body: { name: 'Nope', parentId: service.rootOrganizationId },
      }),
      service.request('PATCH', `/api/v1/organizations/${east.id}/settings`, {
        token: accountsOnly,
        body: { maxLinesAllowed: 2 },
      }),
      service.request('PUT', `/api/v1/organizations/${east.id}/invitation-template`, {
        token: accountsOnly,
        body: {
          emailSubject: 'x',
          emailBody: '{{username}} {{password}}',
          smsBody: '{{username}} {{password}}',
        },
      }),
      service.request('POST', '/api/v1/permission-profiles', {
        token: accountsOnly,
        body: { organizationId: east.id, name: 'Nope' },
      }),
      service.request('GET', '/api/v1/audit-events', { token: accountsOnly }),
      service.request('GET', '/api/v1/administrators', { token: accountsOnly }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    // Reading is open to every administrator of the subtree.
    const read = await service.request('GET', `/api/v1/organizations/${east.id}/settings`, {
      token: accountsOnly,
    });
    expect(read.status).toBe(200);
  });

  it('settings: defaults, partial changes, validation; new sub-organizations copy them', async () => {
    const url = `/api/v1/organizations/${west.id}/settings`;
    const before = await service.request('GET', url, { token });
    expect(before.body).toEqual({
      invitationExpiryDays: 30,
      singleUseInvitations: false,
      allowedEmailDomains: [],
      maxLinesAllowed: 5,
      followUpDays: 3,
    });
    const changed = await service.request('PATCH', url, {
      token,
      body: {
        singleUseInvitations: true,
        allowedEmailDomains: ['Example.COM'],
        invitationExpiryDays: 7,
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      invitationExpiryDays: 7,
      singleUseInvitations: true,
      allowedEmailDomains: ['example.com'],
      maxLinesAllowed: 5,
      followUpDays: 3,
    });
    const invalid = await service.request('PATCH', url, {
      token,
      body: { invitationExpiryDays: 0, maxLinesAllowed: 'five' },
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.details.fields).sort()).toEqual([
      'invitationExpiryDays',
      'maxLinesAllowed',
    ]);
    const child = await createOrganization('West Support', west.id);
    const inherited = await service.request('GET', `/api/v1/organizations/${child.id}/settings`, {
      token,
    });
    expect(inherited.body).toEqual(changed.body);
  });

  it('invitation template: the four placeholders only, username and password required', async () => {
    const url = `/api/v1/organizations/${east.id}/invitation-template`;
    const initial = await service.request('GET', url, { token });
    expect(initial.status).toBe(200);
    expect(initial.body.emailBody).toContain('{{password}}');
    const template = {
      emailSubject: 'Welcome {{firstName}}',
      emailBody: 'Hi {{firstName}}, {{activationLink}} user {{username}} pass {{password}}',
      smsBody: '{{username}} / {{password}}',
    };
    const saved = await service.request('PUT', url, { token, body: template });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(template);
    expect((await service.request('GET', url, { token })).body).toEqual(template);

    const unknown = await service.request('PUT', url, {
      token,
      body: { ...template, smsBody: '{{username}} {{password}} {{lastName}}' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.fields.smsBody).toContain('{{lastName}}');
    const missing = await service.request('PUT', url, {
      token,
      body: { ...template, emailBody: 'Hello {{firstName}}' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.fields.emailBody).toContain('{{username}}');
  });

  it('permission profiles are inherited by sub-organizations, nearest first', async () => {
    const created = await service.request('POST', '/api/v1/permission-profiles', {
      token,
      body: {
        organizationId: east.id,
        name: 'Sales Team',
        settings: { internationalCalling: true },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organizationId: east.id,
      name: 'Sales Team',
      isDefault: false,
      settings: { calling: true, sms: true, internationalCalling: true, callRecording: false },
    });
    const forSales = await service.request('GET', '/api/v1/permission-profiles', {
      token,
      query: { organizationId: eastSales.id },
    });
    expect(forSales.status).toBe(200);
    const summary = forSales.body.items.map(
      (profile: { organizationId: string; name: string; inherited: boolean }) => [
        profile.organizationId,
        profile.name,
        profile.inherited,
      ],
    );
    expect(summary).toEqual([
      [eastSales.id, 'Default User Permissions (Default)', false],
      [east.id, 'Default User Permissions (Default)', true],
      [east.id, 'Sales Team', true],
      [service.rootOrganizationId, 'Default User Permissions (Default)', true],
    ]);
    const forWest = await service.request('GET', '/api/v1/permission-profiles', {
      token,
      query: { organizationId: west.id },
    });
    expect(forWest.body.items.map((profile: { name: string }) => profile.name)).not.toContain(
      'Sales Team',
    );

    const shadowing = await service.request('POST', '/api/v1/permission-profiles', {
      token,
      body: { organizationId: eastSales.id, name: 'sales team' },
    });
    expect(shadowing.status).toBe(409);
    expect(shadowing.body.error.code).toBe('PROFILE_NAME_EXISTS');
  });
});
