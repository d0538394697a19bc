// Organization data cached at sign-in, per connection profile, with its time: drafts are checked
// against it with no connection. Kept as 0600 files in a 0700 folder, cleared at sign-out; only
// counts and names reach the renderer, never the contacts themselves.
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ImportRowRulesContext } from '../../../../common/csv/row-rules';
import type { MetadataStatus } from '../../../../common/ipc/csv-contract';
import { isMainError } from '../main-error';
import type { ChecksContextSource } from './csv-service';
import { writeFileAtomic } from './draft-store';
import { fetchMetadata, type CachedOrganizationData, type FetchedMetadata } from './metadata-fetch';

const cacheFileSchema = z.object({
  version: z.literal(1),
  profileId: z.string(),
  cachedAt: z.string(),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      parentId: z.string().nullable(),
      capacity: z.number(),
      availableNumbers: z.number(),
      maxLinesAllowed: z.number(),
      permissionProfiles: z.array(z.string()),
      numbers: z.array(z.tuple([z.string(), z.string()])),
    }),
  ),
  existingContacts: z.array(z.string()),
});
type CacheFile = z.infer<typeof cacheFileSchema>;

export interface MetadataCache extends ChecksContextSource {
  /** The profile whose data the checks use (the one signed in last). */
  setActive(profileId: string | null): void;
  /** Fetches again from the service; on failure the kept data stays and the status says why. */
  refresh(profileId: string): Promise<MetadataStatus>;
  status(profileId?: string): Promise<MetadataStatus>;
  clear(profileId: string): Promise<void>;
}

const PROFILE_FILE = /^[A-Za-z0-9_-]{1,100}$/;

export function createMetadataCache(options: {
  dataDir: string;
  serviceUrlOf: (profileId: string) => string | undefined;
  accessToken: (profileId: string) => Promise<string>;
  /** The profile to use before anyone signed in this run (e.g. the last one used). */
  defaultProfileId?: () => string | null;
  fetch?: typeof fetch;
  now?: () => Date;
}): MetadataCache {
  const folder = path.join(options.dataDir, 'metadata');
  const loaded = new Map<string, { file: CacheFile; contacts: Set<string> }>();
  const failures = new Map<string, string>();
  /** One fetch per profile at a time: a refresh asked for meanwhile shares it. */
  const refreshing = new Map<string, Promise<MetadataStatus>>();
  /** Bumped at sign-out, so a fetch still running then does not write the cache back. */
  const generation = new Map<string, number>();
  let active: string | null | undefined;

  const fileOf = (profileId: string) => {
    if (!PROFILE_FILE.test(profileId)) throw new Error('Not a profile id.');
    return path.join(folder, `${profileId}.json`);
  };
  const activeProfile = () =>
    active === undefined ? (options.defaultProfileId?.() ?? null) : active;

  async function load(profileId: string) {
    const known = loaded.get(profileId);
    if (known) return known;
    try {
      const file = cacheFileSchema.parse(JSON.parse(await readFile(fileOf(profileId), 'utf8')));
      // A refresh that finished while the file was being read holds newer data: keep it.
      const newer = loaded.get(profileId);
      if (newer) return newer;
      const entry = { file, contacts: new Set(file.existingContacts) };
      loaded.set(profileId, entry);
      return entry;
    } catch {
      return null;
    }
  }

  function statusOf(profileId: string | null, file: CacheFile | null): MetadataStatus {
    return {
      profileId,
      cachedAt: file?.cachedAt ?? null,
      organizations: (file?.organizations ?? []).map(
        ({ numbers: _numbers, ...organization }) => organization,
      ),
      existingContacts: file?.existingContacts.length ?? 0,
      message: (profileId && failures.get(profileId)) ?? null,
    };
  }

  function contextOf(organization: CachedOrganizationData | undefined, contacts: Set<string>) {
    const context: ImportRowRulesContext = { existingContacts: contacts };
    if (organization) {
      context.maxLinesAllowed = organization.maxLinesAllowed;
      context.permissionProfileNames = organization.permissionProfiles;
      context.poolNumbers = new Map(organization.numbers);
    }
    return context;
  }

  async function refreshNow(profileId: string): Promise<MetadataStatus> {
    const started = generation.get(profileId) ?? 0;
    const serviceUrl = options.serviceUrlOf(profileId);
    if (!serviceUrl) return statusOf(profileId, (await load(profileId))?.file ?? null);
    let fetched: FetchedMetadata;
    try {
      fetched = await fetchMetadata({
        serviceUrl,
        accessToken: () => options.accessToken(profileId),
        fetch: options.fetch,
      });
    } catch (error) {
      if (!isMainError(error)) throw error;
      failures.set(profileId, `The organization data could not be refreshed: ${error.message}`);
      return statusOf(profileId, (await load(profileId))?.file ?? null);
    }
    if ((generation.get(profileId) ?? 0) !== started) return statusOf(profileId, null);
    const file: CacheFile = {
      version: 1,
      profileId,
      cachedAt: (options.now?.() ?? new Date()).toISOString(),
      ...fetched,
    };
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await chmod(folder, 0o700);
    await writeFileAtomic(fileOf(profileId), JSON.stringify(file));
    loaded.set(profileId, { file, contacts: new Set(file.existingContacts) });
    failures.delete(profileId);
    return statusOf(profileId, file);
  }

  return {
    setActive(profileId) {
      active = profileId;
      if (profileId) void load(profileId);
    },
    async contextFor(organizationId) {
      const profileId = activeProfile();
      const entry = profileId ? await load(profileId) : null;
      if (!entry) return { context: {}, cachedAt: null };
      const organization = entry.file.organizations.find((o) => o.id === organizationId);
      return { context: contextOf(organization, entry.contacts), cachedAt: entry.file.cachedAt };
    },
    refresh(profileId) {
      const running = refreshing.get(profileId);
      if (running) return running;
      const job = refreshNow(profileId).finally(() => refreshing.delete(profileId));
      refreshing.set(profileId, job);
      return job;
    },
    async status(profileId) {
      const id = profileId ?? activeProfile();
      if (!id) return statusOf(null, null);
      return statusOf(id, (await load(id))?.file ?? null);
    },
    async clear(profileId) {
      generation.set(profileId, (generation.get(profileId) ?? 0) + 1);
      loaded.delete(profileId);
      failures.delete(profileId);
      await rm(fileOf(profileId), { force: true });
    },
  };
}
