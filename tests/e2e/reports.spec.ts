// Reports end to end: the dashboard's charts are drawn and their tables equal the service's numbers,
// a table is saved as CSV and a chart as PNG through main, and the follow-up queue resends.
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { uniqueName } from './support/service-api';
import { openScreen, settle, signInPatiently } from './admin-screens-helpers';

test('dashboard, saved files and a resend from the follow-up queue', async ({
  page,
  api,
  bridge,
  signIn,
  snap,
}) => {
  const organization = await api.createOrganization(uniqueName('Reports Org'));
  await api.addNumbers(organization.id, 4);
  const tag = Date.now().toString(36);
  for (const [first, invite] of [
    ['Rita', true],
    ['Ravi', true],
    ['Nora', false],
  ] as const) {
    await api.createAccount({
      organizationId: organization.id,
      firstName: first,
      lastName: `Report ${tag}`,
      contact: `${first.toLowerCase()}.${tag}@example.com`,
      invite,
    });
  }

  await signInPatiently(signIn, page);
  await page.getByTestId('organization-scope').click();
  await page.locator(`[data-organization-id="${organization.id}"]`).first().click();
  await expect(page.getByTestId('organization-scope')).toContainText(organization.name);
  await openScreen(page, 'reports');
  const status = page.getByTestId('report-chart-status');
  await expect(status.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('report-chart-funnel').locator('canvas').first()).toBeVisible();
  await settle(page);
  await snap('reports-dashboard');

  // The status table (present for screen readers, shown on request) equals the service's counts.
  const summary = await api.request<{ accountsByStatus: Record<string, number> }>(
    'GET',
    `/reports/summary?organizationId=${organization.id}&includeSubOrganizations=true`,
  );
  expect(summary.accountsByStatus).toMatchObject({ invited: 2, not_invited: 1, activated: 0 });
  await page.getByTestId('report-table-toggle-status').click();
  const table = page.getByTestId('report-table-status');
  await expect(table).toBeVisible();
  await expect(table.locator('tr', { hasText: 'Not Invited' })).toContainText(
    String(summary.accountsByStatus.not_invited),
  );
  await expect(table.locator('tbody tr').nth(2)).toHaveText(
    `Invited${summary.accountsByStatus.invited}`,
  );
  await snap('reports-status-table');

  // Save the table as CSV and the funnel as PNG through main's save dialog.
  await page.getByTestId('report-save-status').click();
  await page.getByTestId('report-save-csv-status').click();
  await expect.poll(() => bridge.savedFiles.length).toBe(1);
  const csv = await readFile(bridge.savedFiles[0]!, 'utf8');
  expect(csv).toContain('Status,Accounts\r\n');
  expect(csv).toContain('Invited,2\r\n');
  await page.getByTestId('report-save-funnel').click();
  await page.getByTestId('report-save-png-funnel').click();
  await expect.poll(() => bridge.savedFiles.length).toBe(2);
  const png = await readFile(bridge.savedFiles[1]!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

  // The follow-up queue: everyone invited (0 days), select all, Resend.
  await page.getByTestId('reports-tab-follow-up').click();
  await page.getByTestId('follow-up-days').locator('input').fill('0');
  const queue = page.getByTestId('follow-up-table');
  await expect(queue.locator('tbody tr')).toHaveCount(2);
  await queue.locator('thead input[type="checkbox"]').check();
  await page.getByTestId('follow-up-resend').click();
  await expect(page.locator('.v-snackbar__content')).toContainText('2 accounts resent.');
  await expect(queue.locator('tbody tr').first()).toContainText(' by ');
  await settle(page);
  await snap('reports-follow-up');
});
