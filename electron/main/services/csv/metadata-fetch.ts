// Fetches what offline checks need from a provisioning service, as the signed-in administrator:
// the organization subtree with capacity, each organization's visible permission profiles, its
// pool numbers with their state and its max lines, and every existing contact (from the export).
import Papa from 'papaparse';
import { normaliseContact } from '../../../../common/contact';
import type { Organization } from '../../../../common/api/organizations';
import type { Paged } from '../../../../common/api/paging';
import { DEFAULT_MAX_LINES_ALLOWED } from '../../../../common/csv/template';
import { MainError } from '../main-error';
import { serviceRequest } from '../service-http';

/** One organization as cached, numbers as `[E.164, state]` pairs. */
export type CachedOrganizationData = {
  id: string;
  name: string;
  parentId: string | null;
  capacity: number;
  availableNumbers: number;
  maxLinesAllowed: number;
  permissionProfiles: string[];
  numbers: [string, string][];
};

export type FetchedMetadata = {
  organizations: CachedOrganizationData[];
  existingContacts: string[];
};

const PAGE = 500;

export async function fetchMetadata(options: {
  serviceUrl: string;
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
}): Promise<FetchedMetadata> {
  const get = async <T>(path: string): Promise<T> =>
    serviceRequest<T>(options.serviceUrl, path, {
      method: 'GET',
      accessToken: await options.accessToken(),
      fetch: options.fetch,
    });
  const all = async <T>(path: string): Promise<T[]> => {
    const items: T[] = [];
    for (let page = 1; ; page += 1) {
      const sep = path.includes('?') ? '&' : '?';
      const answer = await get<Paged<T>>(`${path}${sep}page=${page}&pageSize=${PAGE}`);
      items.push(...answer.items);
      if (answer.items.length === 0 || items.length >= answer.total) return items;
    }
  };

  const organizations = await all<Organization>('/organizations');
  const cached: CachedOrganizationData[] = [];
  for (const organization of organizations) {
    const id = encodeURIComponent(organization.id);
    const profiles = await all<{ name: string }>(`/permission-profiles?organizationId=${id}`);
    const numbers = await all<{ number: string; state: string }>(
      `/numbers?organizationId=${id}&state=available,reserved,assigned,registered`,
    );
    let maxLinesAllowed = DEFAULT_MAX_LINES_ALLOWED;
    try {
      const settings = await get<{ maxLinesAllowed?: number }>(`/organizations/${id}/settings`);
      if (typeof settings.maxLinesAllowed === 'number') maxLinesAllowed = settings.maxLinesAllowed;
    } catch (error) {
      // Reading settings needs the Setup privilege; without it the default applies.
      if (!(error instanceof MainError) || error.code === 'SERVICE_UNREACHABLE') throw error;
    }
    cached.push({
      id: organization.id,
      name: organization.name,
      parentId: organization.parentId,
      capacity: organization.capacity,
      availableNumbers: organization.numbers.available,
      maxLinesAllowed,
      permissionProfiles: profiles.map((profile) => profile.name),
      numbers: numbers.map((n) => [n.number, n.state]),
    });
  }
  return { organizations: cached, existingContacts: await fetchContacts(options) };
}

/** Every contact the administrator can see, from the accounts export (one request). */
async function fetchContacts(options: {
  serviceUrl: string;
  accessToken: () => Promise<string>;
  fetch?: typeof fetch;
}): Promise<string[]> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.serviceUrl}/api/v1/accounts/export.csv`, {
      headers: { authorization: `Bearer ${await options.accessToken()}`, accept: 'text/csv' },
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    throw new MainError('SERVICE_UNREACHABLE', 'Linedesk could not reach the service.');
  }
  if (!response.ok) {
    throw new MainError(`HTTP_${response.status}`, 'The existing accounts could not be read.');
  }
  const text = (await response.text()).replace(/^\uFEFF/, '');
  const records = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const [header = [], ...rows] = records;
  const column = header.findIndex((cell) => cell.trim() === 'Email or Device #');
  if (column < 0) return [];
  const contacts = new Set<string>();
  for (const row of rows) {
    const normalised = normaliseContact((row[column] ?? '').replace(/^'/, ''));
    if (normalised.ok) contacts.add(normalised.contact);
  }
  return [...contacts];
}
