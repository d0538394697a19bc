// Connection profiles and preferences persisted in real JSON files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfStoreFactory } from '../../../electron/main/services/key-value-store';
import { createPrefsStore } from '../../../electron/main/services/prefs';
import { createProfileStore } from '../../../electron/main/services/profiles';
import { makeTempDir } from './support/temp-dir';

describe('profiles', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(() => temp.remove());

  const open = () => createProfileStore({ store: createConfStoreFactory(temp.dir)('profiles') });

  it('creates, edits, lists across instances and deletes a profile', async () => {
    const created = open().save({
      name: 'Head office',
      serviceUrl: 'https://ld.example.com/',
      administratorEmail: 'Ada@Example.com',
      rememberPassword: false,
    });
    expect(created).toMatchObject({
      name: 'Head office',
      serviceUrl: 'https://ld.example.com',
      administratorEmail: 'ada@example.com',
      local: false,
    });
    const edited = open().save({ ...created, name: 'HQ', rememberPassword: true });
    expect(edited.id).toBe(created.id);
    expect(open().list()).toEqual([{ ...created, name: 'HQ', rememberPassword: true }]);
    expect(open().serviceOrigins()).toEqual(['https://ld.example.com']);

    const text = await readFile(path.join(temp.dir, 'profiles.json'), 'utf8');
    expect(text).toContain('"HQ"');

    open().delete(created.id);
    expect(open().list()).toEqual([]);
  });

  it('refuses a bad address and an unknown id with readable sentences', () => {
    const store = open();
    expect(() =>
      store.save({
        name: 'x',
        serviceUrl: 'ftp://nope',
        administratorEmail: 'a@b.co',
        rememberPassword: false,
      }),
    ).toThrow(/http:\/\/ or https:\/\//);
    expect(() =>
      store.save({
        id: 'missing',
        name: 'x',
        serviceUrl: 'https://a.b',
        administratorEmail: 'a@b.co',
        rememberPassword: false,
      }),
    ).toThrow(/no longer exists/);
    expect(() => store.get('missing')).toThrow(/no longer exists/);
  });

  it('keeps the local flag set by main', () => {
    const store = open();
    const local = store.save(
      {
        name: 'This computer',
        serviceUrl: 'http://127.0.0.1:4000',
        administratorEmail: 'admin@linedesk.local',
        rememberPassword: true,
      },
      { local: true },
    );
    const again = store.save({ ...local, serviceUrl: 'http://127.0.0.1:4001' });
    expect(again.local).toBe(true);
    expect(store.findLocal()?.serviceUrl).toBe('http://127.0.0.1:4001');
  });
});

describe('prefs', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(() => temp.remove());

  it('starts from defaults, saves a patch and repairs a damaged field', async () => {
    const stores = createConfStoreFactory(temp.dir);
    const prefs = createPrefsStore({ store: stores('prefs'), defaultTimeZone: 'America/Chicago' });
    expect(prefs.get()).toEqual({
      timeZone: 'America/Chicago',
      theme: 'system',
      lastProfileId: null,
      pageSize: 50,
    });

    prefs.set({ theme: 'dark', pageSize: 100, timeZone: 'Europe/Paris' });
    const reopened = createPrefsStore({ store: createConfStoreFactory(temp.dir)('prefs') });
    expect(reopened.get()).toMatchObject({
      theme: 'dark',
      pageSize: 100,
      timeZone: 'Europe/Paris',
    });

    expect(() => reopened.set({ timeZone: 'Mars/Olympus' })).toThrow();
    stores('prefs').set('prefs', { theme: 'neon', pageSize: 100, timeZone: 'Europe/Paris' });
    expect(reopened.get()).toMatchObject({
      theme: 'system',
      pageSize: 100,
      timeZone: 'Europe/Paris',
    });
  });
});
