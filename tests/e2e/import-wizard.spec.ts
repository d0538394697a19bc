// The import wizard end to end against this file's own service process (so it can be stopped and
// started again): a messy file dropped on the window, two rows fixed in place, Import & Invite,
// the service lost mid-upload and Resume, the app restarted mid-upload, NOT_ENOUGH_NUMBERS, and
// "Fix failed rows" — every account and invitation checked through the API to exist exactly once.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { test as base, expect, type Page } from '@playwright/test';
import { installBridge, type BridgeHarness } from './support/bridge-harness';
import { bootstrapAdministrator, e2eEnvironment } from './support/e2e-env';
import { signInThroughUi } from './support/fixtures';
import { randomUsNumbers, ServiceApi, uniqueName, type OutboxMessage } from './support/service-api';
import { startServiceProcess, type ServiceProcess } from './support/service-process';

const test = base.extend<{ snap: (name: string) => Promise<void> }>({
  snap: async ({ page }, use) => {
    await mkdir('test-results/screens', { recursive: true });
    await use(async (name) => {
      await page.screenshot({ path: `test-results/screens/${name}.png`, animations: 'disabled' });
    });
  },
});

let service: ServiceProcess;
let port: number;
let serviceData: string;
let api: ServiceApi;
let folder: string;

const serviceEnv = () => ({
  LINEDESK_ADMIN_EMAIL: bootstrapAdministrator.email,
  LINEDESK_ADMIN_PASSWORD: bootstrapAdministrator.password,
  LINEDESK_ALLOWED_ORIGINS: new URL(e2eEnvironment().appUrl).origin,
});

async function startService(): Promise<void> {
  service = await startServiceProcess({
    env: serviceEnv(),
    demo: false,
    dataDir: serviceData,
    port,
  });
}

test.beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'linedesk-e2e-import-'));
  serviceData = path.join(folder, 'service');
  await mkdir(serviceData, { mode: 0o700 });
  port = 0;
  await startService();
  port = Number(new URL(service.url).port);
  api = await ServiceApi.signIn(service.url);
});
test.afterAll(async () => {
  await service?.stop();
  await rm(folder, { recursive: true, force: true });
});

/** Main's network, with chunks slowed down so a test can act while an upload runs. */
const chunksDelayedBy =
  (ms: number): typeof fetch =>
  async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (/\/chunks\/\d+$/.test(url)) await new Promise((r) => setTimeout(r, ms));
    return fetch(input, init);
  };
const slowChunks = chunksDelayedBy(400);

async function organizationWithNumbers(count: number) {
  const organization = await api.request<{ id: string; name: string }>('POST', '/organizations', {
    name: uniqueName('Import'),
    parentId: (await api.me()).organizationId,
  });
  if (count > 0) {
    await api.request('POST', '/numbers', {
      organizationId: organization.id,
      numbers: randomUsNumbers(count),
    });
  }
  return organization;
}

/** A semicolon-separated Windows-1252 file as an HR tool exports it, with problems at the top. */
async function messyFile(tag: string, bulk: number): Promise<string> {
  const lines = [
    'First Name;Last Name;Email;Number Of Lines Allowed',
    `Ada;Lovelace;ada.${tag}@example.com;1`,
    `Grace;Hopper;grace.${tag}@@example.com;1`,
    'Alan;Turing;alan.turing;1',
    `Zoë;Müller;zoe.${tag}@example.com;1`,
    `Barbara;Liskov;ADA.${tag}@example.com;1`,
    `Ken;Thompson;ken.${tag}-at-example.com;1`,
    ...Array.from({ length: bulk }, (_, i) => `Person${i};Bulk;bulk${i}.${tag}@example.com;1`),
  ];
  const file = path.join(folder, `staff-${tag}.csv`);
  await writeFile(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252'));
  return file;
}

/** Every account of the organization and every invitation message, read through the API. */
async function accountsAndInvitations(organizationId: string) {
  const accounts: { id: string; contact: string; status: string }[] = [];
  for (let page = 1; ; page++) {
    const batch = await api.accounts({ organizationId, page: String(page), pageSize: '500' });
    accounts.push(...batch.items);
    if (batch.items.length < 500) break;
  }
  const messages: OutboxMessage[] = [];
  for (let page = 1; ; page++) {
    const batch = await api.request<{ items: OutboxMessage[] }>(
      'GET',
      `/outbox?page=${page}&pageSize=500`,
    );
    messages.push(...batch.items);
    if (batch.items.length < 500) break;
  }
  const ids = new Set(accounts.map((account) => account.id));
  return { accounts, invitations: messages.filter((m) => m.accountId && ids.has(m.accountId)) };
}

async function chooseOrganization(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-import').click();
  const select = page.getByTestId('import-setup').getByTestId('organization-select');
  await select.getByRole('combobox', { name: 'Organization' }).fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

async function dropFile(page: Page, bridge: BridgeHarness, file: string): Promise<void> {
  const name = path.basename(file);
  bridge.allowDrop(name, file);
  const dataTransfer = await page.evaluateHandle((fileName) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['(dropped)'], fileName, { type: 'text/csv' }));
    return transfer;
  }, name);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

async function editCell(page: Page, row: number, column: string, value: string): Promise<void> {
  await page.getByTestId(`cell-${row}-${column}`).dblclick();
  const editor = page.getByTestId('cell-editor');
  await editor.fill(value);
  await editor.press('Enter');
  await expect(editor).toHaveCount(0);
}

async function waitForChunks(bridge: BridgeHarness, answered: number): Promise<void> {
  await expect
    .poll(() => bridge.services.uploads.list()[0]?.chunksAnswered ?? 0, { intervals: [20] })
    .toBeGreaterThanOrEqual(answered);
}

test('a messy file dropped, fixed in place, Import & Invite through a lost service, Resume, Fix failed rows', async ({
  page,
  snap,
}) => {
  const tag = Date.now().toString(36);
  const organization = await organizationWithNumbers(2100);
  const file = await messyFile(tag, 2000);
  const bridge = await installBridge(page, { fetch: slowChunks, uploadRetryDelaysMs: [100, 200] });
  try {
    await signInThroughUi(page, service.url);
    await chooseOrganization(page, organization.name);
    await snap('import-1-setup');
    await page.getByTestId('setup-next').click();
    await expect(page.getByTestId('drop-zone')).toBeVisible();
    await snap('import-2-file');

    await dropFile(page, bridge, file);
    const counts = page.getByTestId('review-counts');
    await expect(counts).toHaveText('2,002 ready · 4 with problems');
    await expect(page.getByTestId('detected-encoding')).toContainText('Windows-1252');
    await expect(page.getByTestId('detected-delimiter')).toContainText('Semicolon');
    await expect(page.getByTestId('cell-5-firstName')).toHaveText('Zoë');
    await expect(page.getByTestId('cell-3-contact')).toHaveClass(/cell--problem/);
    await expect(page.getByTestId('cell-3-contact')).toHaveAttribute(
      'title',
      /^Row 3, Email or Device #: /,
    );
    await page.getByTestId('only-problems').locator('input').check();
    await expect(page.getByTestId('review-row-2')).toHaveCount(0);
    await expect(page.getByTestId('review-row-7')).toBeVisible();
    await snap('import-3-review-problems');

    await editCell(page, 3, 'contact', `grace.${tag}@example.com`);
    await editCell(page, 4, 'contact', `alan.${tag}@example.com`);
    await expect(counts).toHaveText('2,004 ready · 2 with problems');
    await expect(page.getByTestId('cell-3-contact')).not.toHaveClass(/cell--problem/);
    await snap('import-3-review-fixed');

    await page.getByTestId('review-next').click();
    await expect(page.getByTestId('capacity-panel')).toContainText(
      `2,004 rows need numbers; 2,100 available in`,
    );
    await expect(page.getByTestId('consent-notice')).toContainText('By clicking on Invite');
    await snap('import-4-capacity');

    await page.getByTestId('import-invite').click();
    await expect(page.getByTestId('upload-phase')).toHaveText('Uploading…');
    await waitForChunks(bridge, 1);
    await snap('import-4-progress');
    await service.stop();
    await expect(page.getByTestId('upload-phase')).toHaveText('Upload paused');
    await expect(page.getByTestId('upload-announcement')).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByTestId('upload-announcement')).toContainText('Upload paused');
    await expect(page.getByTestId('upload-problem')).toContainText('could not reach the service');
    await snap('import-4-paused');

    await startService();
    await page.getByTestId('upload-resume').click();
    await expect(page.getByTestId('import-results')).toBeVisible();
    await expect(page.getByTestId('result-created')).toContainText('2,004');
    await expect(page.getByTestId('result-duplicate')).toContainText('1');
    await expect(page.getByTestId('result-invalid')).toContainText('1');
    await expect(page.getByTestId('result-invited')).toContainText('2,004');
    await snap('import-5-results');
    await page.getByTestId('save-results').click();
    await expect
      .poll(() => bridge.savedFiles.map((saved) => path.basename(saved)))
      .toEqual([`staff-${tag} - results.csv`]);
    const { readFile } = await import('node:fs/promises');
    const results = await readFile(bridge.savedFiles[0]!, 'utf8');
    expect(results).toContain(`ken.${tag}-at-example.com`);

    api = await ServiceApi.signIn(service.url);
    const { accounts, invitations } = await accountsAndInvitations(organization.id);
    const contacts = accounts.map((account) => account.contact);
    expect(accounts).toHaveLength(2004);
    expect(new Set(contacts).size).toBe(2004);
    for (const expected of ['ada', 'grace', 'alan', 'zoe', 'bulk0', 'bulk1999']) {
      expect(contacts).toContain(`${expected}.${tag}@example.com`);
    }
    expect(invitations).toHaveLength(2004);
    expect(new Set(invitations.map((message) => message.accountId)).size).toBe(2004);

    await page.getByTestId('fix-failed-rows').click();
    await expect(page.getByTestId('review-counts')).toHaveText('0 ready · 1 with problems');
    await expect(page.getByTestId('cell-2-firstName')).toHaveText('Ken');
    await snap('import-6-fix-failed-rows');
  } finally {
    await bridge.dispose();
  }
});

test('the app restarted during an upload resumes it from the Import screen', async ({
  browser,
}) => {
  const tag = `r${Date.now().toString(36)}`;
  const organization = await organizationWithNumbers(0);
  const file = await messyFile(tag, 3000);
  const dataDir = path.join(folder, `main-${tag}`);
  await mkdir(dataDir, { mode: 0o700 });

  const before = await browser.newPage();
  const first = await installBridge(before, { dataDir, fetch: slowChunks });
  await signInThroughUi(before, service.url);
  await chooseOrganization(before, organization.name);
  await before.getByTestId('setup-next').click();
  first.nextOpenFile = file;
  await before.getByTestId('open-file').click();
  await expect(before.getByTestId('review-counts')).toHaveText('3,002 ready · 4 with problems');
  await before.getByTestId('review-next').click();
  await before.getByTestId('import-only').click();
  await waitForChunks(first, 1);
  // Progress as rows sent of all, the rate and the time left.
  await expect(before.getByTestId('upload-progress')).toHaveText(
    /^[\d,]+ of 3,006 rows · [\d,]+ rows\/s · about (\d+ h )?(\d+ min )?\d+ (s|min) left$/,
  );
  // The app quits mid-upload.
  await first.dispose();
  await before.close();

  const after = await browser.newPage();
  // Slower still, so the resumed upload is still running when the Import screen opens.
  const second = await installBridge(after, { dataDir, fetch: chunksDelayedBy(1500) });
  try {
    await after.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
    await after.getByTestId('password').getByRole('textbox').fill(bootstrapAdministrator.password);
    await after.getByTestId('sign-in').click();
    await after.getByTestId('nav-import').click();
    // Signed in again, the upload carries on by itself; the Import screen lists it.
    const resume = after.getByTestId('resume-unfinished');
    await expect(after.locator('[data-testid^="unfinished-"]')).toContainText('rows sent');
    await after.screenshot({ path: 'test-results/screens/import-7-restart-unfinished.png' });
    await resume.click();
    await expect(after.getByTestId('import-results')).toBeVisible();
    await expect(after.getByTestId('result-created')).toContainText('3,002');
    await after.screenshot({ path: 'test-results/screens/import-7-restart-results.png' });
    const { accounts } = await accountsAndInvitations(organization.id);
    expect(accounts).toHaveLength(3002);
    expect(new Set(accounts.map((account) => account.contact)).size).toBe(3002);
  } finally {
    await second.dispose();
    await after.close();
  }
});

test('NOT_ENOUGH_NUMBERS shows the capacity panel and leaves the job open to complete later', async ({
  page,
  snap,
}) => {
  const tag = `n${Date.now().toString(36)}`;
  const organization = await organizationWithNumbers(2);
  const file = path.join(folder, `small-${tag}.csv`);
  await writeFile(
    file,
    [
      'First Name,Last Name,Email or Device #',
      ...[1, 2, 3, 4].map((i) => `Short${i},Staff,short${i}.${tag}@example.com`),
    ].join('\n'),
  );
  const bridge = await installBridge(page);
  try {
    await signInThroughUi(page, service.url);
    await chooseOrganization(page, organization.name);
    await page.getByTestId('setup-next').click();
    bridge.nextOpenFile = file;
    await page.getByTestId('open-file').click();
    await expect(page.getByTestId('review-counts')).toHaveText('4 ready · 0 with problems');
    await page.getByTestId('review-next').click();
    await expect(page.getByTestId('capacity-panel')).toContainText(
      '4 rows need numbers; 2 available in',
    );
    await expect(page.getByTestId('capacity-panel')).toContainText('needs 2 more numbers');
    await page.getByTestId('import-invite').click();
    await expect(page.getByTestId('upload-phase')).toHaveText(
      'Imported — invitations waiting for numbers',
    );
    await expect(page.getByTestId('capacity-panel')).toBeVisible();
    await snap('import-8-not-enough-numbers');
    const jobId = bridge.services.uploads.list()[0]!.jobId!;
    expect(await api.request<{ status: string }>('GET', `/imports/${jobId}`)).toMatchObject({
      status: 'open',
      counts: { created: 4, invited: 0 },
    });

    await api.request('POST', '/numbers', {
      organizationId: organization.id,
      numbers: randomUsNumbers(2),
    });
    await page.getByTestId('upload-complete').click();
    await expect(page.getByTestId('result-invited')).toContainText('4');
    expect(await api.request<{ status: string }>('GET', `/imports/${jobId}`)).toMatchObject({
      status: 'completed',
      counts: { created: 4, invited: 4 },
    });
  } finally {
    await bridge.dispose();
  }
});

test('opening a big file shows its progress, and Cancel brings the wizard back to its draft with nothing added', async ({
  page,
  snap,
}) => {
  const tag = Date.now().toString(36);
  const organization = await organizationWithNumbers(0);
  const small = await messyFile(`${tag}-small`, 0);
  const big = path.join(folder, `big-${tag}.csv`);
  const lines = ['First Name,Last Name,Email or Device #'];
  for (let i = 0; i < 600_000; i += 1) lines.push(`Person${i},Bulk,bulk${i}.${tag}@example.com`);
  await writeFile(big, `${lines.join('\r\n')}\r\n`);
  const bridge = await installBridge(page);
  try {
    await signInThroughUi(page, service.url);
    await chooseOrganization(page, organization.name);
    await page.getByTestId('setup-next').click();
    await dropFile(page, bridge, small);
    const counts = page.getByTestId('review-counts');
    await expect(counts).toHaveText('2 ready · 4 with problems');
    const drafts = await bridge.services.csv.listDrafts();
    expect(drafts).toHaveLength(1);

    await dropFile(page, bridge, big);
    await expect(page.getByTestId('open-progress-text')).toContainText('rows checked');
    await snap('import-2-file-opening');
    await page.getByTestId('cancel-open').click();

    // Back on the draft it had, as it was; no draft and no copy of the big file were kept.
    await expect(counts).toHaveText('2 ready · 4 with problems');
    await expect(page.getByTestId('drop-zone')).toHaveCount(0);
    expect((await bridge.services.csv.listDrafts()).map((d) => d.draftId)).toEqual(
      drafts.map((d) => d.draftId),
    );
    await snap('import-2-file-cancelled');
  } finally {
    await bridge.dispose();
  }
});

test('offline, the draft is checked against the cached data with its age, and re-checked when the service is back', async ({
  page,
  snap,
}) => {
  const tag = `c${Date.now().toString(36)}`;
  const organization = await organizationWithNumbers(0);
  const file = path.join(folder, `offline-${tag}.csv`);
  await writeFile(
    file,
    [
      'First Name,Last Name,Email or Device #',
      `Ann,Cache,ann.${tag}@example.com`,
      `Bob,Cache,bob.${tag}@example.com`,
    ].join('\n'),
  );
  const bridge = await installBridge(page);
  try {
    await signInThroughUi(page, service.url);
    // Main caches the organization data after the sign-in.
    await expect
      .poll(async () => (await bridge.services.metadata.status()).cachedAt)
      .not.toBeNull();
    await chooseOrganization(page, organization.name);
    await page.getByTestId('setup-next').click();
    await service.stop();

    bridge.nextOpenFile = file;
    await page.getByTestId('open-file').click();
    await expect(page.getByTestId('review-counts')).toHaveText('2 ready · 0 with problems');
    await expect(page.getByTestId('checks-cache-age')).toContainText(
      'Checked against organization data from just now',
    );
    await page.getByTestId('checks-cache-refresh').click();
    await expect(page.getByTestId('checks-cache-problem')).toContainText('could not be refreshed');
    await snap('import-3-review-offline');

    // Back, with one of the file's contacts taken meanwhile: the draft is checked again by itself.
    await startService();
    api = await ServiceApi.signIn(service.url);
    await api.request('POST', '/accounts', {
      organizationId: organization.id,
      firstName: 'Ann',
      lastName: 'Elsewhere',
      contact: `ann.${tag}@example.com`,
    });
    await expect(page.getByTestId('review-counts')).toHaveText('1 ready · 1 with problems');
    await expect(page.getByTestId('checks-cache-problem')).toHaveCount(0);
    await expect(page.getByTestId('cell-2-contact')).toHaveClass(/cell--problem/);
    await snap('import-3-review-back-online');
  } finally {
    await bridge.dispose();
  }
});
