// The import wizard's remaining habits, end to end against the e2e service: the template saved from
// Setup, Ctrl/Cmd+O from another screen, a row deleted in Review, Cancel during the upload and Resume
// with nothing created twice, and the job listed under Past imports with its results.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { installBridge } from './support/bridge-harness';
import { signInThroughUi } from './support/fixtures';
import { ServiceApi, uniqueName } from './support/service-api';

/** Main's network with each chunk held back, so the test can press Cancel while rows are sent. */
const slowChunks: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (/\/chunks\/\d+$/.test(url)) await new Promise((r) => setTimeout(r, 700));
  return fetch(input, init);
};

test('template, Ctrl+O, a row deleted, Cancel and Resume, and the job under Past imports', async ({
  page,
}) => {
  const api = await ServiceApi.signIn();
  const organization = await api.createOrganization(uniqueName('Wizard Steps'));
  const tag = Date.now().toString(36);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'linedesk-e2e-steps-'));
  const file = path.join(folder, `steps-${tag}.csv`);
  await writeFile(
    file,
    [
      'First Name,Last Name,Email or Device #',
      `Ada,Steps,ada.${tag}@example.com`,
      'Bad,Row,not an address',
      ...Array.from({ length: 1499 }, (_, i) => `P${i},Steps,p${i}.${tag}@example.com`),
    ].join('\n'),
  );
  await mkdir('test-results/screens', { recursive: true });
  const snap = (name: string) =>
    page.screenshot({ path: `test-results/screens/${name}.png`, animations: 'disabled' });
  const bridge = await installBridge(page, { fetch: slowChunks });
  try {
    await signInThroughUi(page);
    await page.getByTestId('nav-import').click();
    const setup = page.getByTestId('import-setup');
    await setup.getByRole('combobox', { name: 'Organization' }).fill(organization.name);
    await page.getByRole('option', { name: new RegExp(organization.name) }).click();
    await expect(page.getByTestId('import-permissions')).toContainText(
      'Default User Permissions (Default)',
    );

    // The template through the Save dialog.
    await page.getByTestId('download-template').click();
    await expect
      .poll(() => bridge.savedFiles.map((saved) => path.basename(saved)))
      .toEqual(['linedesk-accounts-template.csv']);
    expect(await readFile(bridge.savedFiles[0]!, 'utf8')).toMatch(
      /^\uFEFF?First Name,Last Name,Email or Device #,Number Of Lines Allowed,User Permissions,Number/,
    );

    // Ctrl+O on another screen opens main's Open dialog and lands on Review.
    await page.getByTestId('nav-accounts').click();
    await expect(page.getByTestId('accounts-table')).toBeVisible();
    bridge.nextOpenFile = file;
    await page.keyboard.press('Control+o');
    const counts = page.getByTestId('review-counts');
    await expect(counts).toHaveText('1,500 ready · 1 with problems');

    // The row with the problem deleted in place.
    await page.getByTestId('delete-row-3').click();
    await expect(counts).toHaveText('1,500 ready · 0 with problems');
    await expect(page.getByTestId('review-row-3')).toHaveCount(0);
    const draftLine = page
      .getByTestId('drafts-list')
      .locator('tr', { hasText: `steps-${tag}.csv` });
    await expect(draftLine.locator('td').nth(1)).toHaveText('1,500');
    await expect(draftLine.locator('td').nth(2)).toHaveText('0');
    // Its last change, in the admin's time zone.
    await expect(draftLine.locator('td').nth(3)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, /);
    await snap('import-steps-row-deleted');

    // Cancel while rows are sent, then Resume.
    await page.getByTestId('review-next').click();
    await page.getByTestId('import-only').click();
    await expect(page.getByTestId('upload-phase')).toHaveText('Uploading…');
    await page.getByTestId('upload-cancel').click();
    await expect(page.getByTestId('upload-phase')).toHaveText('Upload paused');
    await expect(draftLine).toContainText('Upload started');
    await snap('import-steps-cancelled');
    await page.getByTestId('upload-resume').click();
    await expect(page.getByTestId('import-results')).toBeVisible();
    await expect(page.getByTestId('result-created')).toContainText('1,500');
    const created = await api.accounts({ organizationId: organization.id, pageSize: '1' });
    expect(created.total).toBe(1500);

    // The job under Past imports, with its counts.
    await page.getByTestId('tab-history').click();
    const job = page.getByTestId('import-history').locator('tr', { hasText: `steps-${tag}.csv` });
    await expect(job).toContainText(/completed/i);
    await expect(job).toContainText('1,500');
    await snap('import-steps-past-imports');
  } finally {
    await bridge.dispose();
    await rm(folder, { recursive: true, force: true });
  }
});
