// Reports end to end: the dashboard's charts are drawn and their tables equal the service's numbers,
// a table is saved as CSV and a chart as PNG through main, and the follow-up queue resends.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { seedAccounts, seedColleague, seedOrganization } from './support/seed';
import { openScreen, settle, signInPatiently } from './admin-screens-helpers';

test('dashboard, saved files and a resend from the follow-up queue', async ({
  page,
  api,
  bridge,
  signIn,
  snap,
}) => {
  const { organization } = await seedOrganization(api, {
    name: 'Reports Org',
    numbers: 4,
    surname: 'Report',
    people: [{ first: 'Rita', invite: true }, { first: 'Ravi', invite: true }, { first: 'Nora' }],
  });

  await signInPatiently(signIn, page);
  await new AccountsPage(page).chooseScope(organization.name, organization.id);
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

/** Clicks the first bar of a chart's canvas (its top category), trying a few heights within it. */
async function clickFirstBar(page: Page, chartKey: string): Promise<void> {
  const canvas = page.getByTestId(`report-chart-${chartKey}`).locator('canvas').first();
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`the ${chartKey} chart has no canvas`);
  const start = page.url();
  // The first category's band lies just below the legend area (grid top 36 px).
  for (const y of [52, 46, 58, 64, 42, 70]) {
    await canvas.click({ position: { x: box.width * 0.55, y } });
    if (page.url() !== start) return;
  }
  throw new Error(`no bar of the ${chartKey} chart answered a click`);
}

test('a chart bar opens the Accounts grid filtered to its accounts', async ({
  page,
  api,
  signIn,
  snap,
}) => {
  const { organization } = await seedOrganization(api, {
    name: 'Drill Org',
    numbers: 3,
    surname: 'Drill',
    people: [{ first: 'Dora', invite: true }, { first: 'Dirk', invite: true }, { first: 'Nils' }],
  });

  await signInPatiently(signIn, page);
  await new AccountsPage(page).chooseScope(organization.name, organization.id);
  await openScreen(page, 'reports');
  await expect(page.getByTestId('report-chart-funnel').locator('canvas').first()).toBeVisible();
  await settle(page);

  // The funnel's first bar (Invited) opens the accounts first invited in the range.
  await clickFirstBar(page, 'funnel');
  await expect(page).toHaveURL(/dateField=invitedAt/);
  await expect(page.getByTestId('accounts-date-filter')).toContainText(/Invited/i);
  const rows = page.getByTestId('accounts-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `Dora` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `Dirk` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `Nils` })).toHaveCount(0);
  await settle(page);
  await snap('reports-drill-accounts');
});

test('Activity filters by administrator and dates, and exports the filtered rows formula-safe', async ({
  page,
  api,
  bridge,
  signIn,
  snap,
}) => {
  const {
    tag,
    accounts: [account],
  } = await seedAccounts(api, {
    organizationId: (await api.me()).organizationId,
    surname: 'Activity',
    people: [{ first: '=HYPERLINK("x")' }],
  });
  const colleague = await seedColleague(api, `Idle Colleague ${tag}`, `idle.${tag}@example.com`);
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

  await signInPatiently(signIn, page);
  await openScreen(page, 'activity');
  const table = page.getByTestId('activity-table');
  const ours = table.locator('tbody tr', { hasText: `Activity ${tag}` });
  await expect(ours).toHaveCount(1);

  // An administrator who did nothing: no events; back to the one who created the account.
  const administrator = page.getByTestId('activity-administrator');
  await administrator.click();
  await page.getByRole('option', { name: `Idle Colleague ${tag}` }).click();
  await expect(ours).toHaveCount(0);
  await administrator.locator('.v-field__clearable').click();
  await expect(ours).toHaveCount(1);
  expect(colleague.id).toBeTruthy();

  // Dates: yesterday only hides it, today shows it.
  await page.getByTestId('activity-from').locator('input').fill(yesterday);
  await page.getByTestId('activity-to').locator('input').fill(yesterday);
  await expect(ours).toHaveCount(0);
  await page.getByTestId('activity-to').locator('input').fill(today);
  await page.getByTestId('activity-from').locator('input').fill(today);
  await expect(ours).toHaveCount(1);
  await settle(page);
  await snap('reports-activity-filtered');

  // Export: the saved CSV holds the filtered events, the formula-looking name neutralised.
  await page.getByTestId('activity-export').click();
  await expect.poll(() => bridge.savedFiles.length).toBe(1);
  const csv = await readFile(bridge.savedFiles[0]!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toContain('Time,Administrator');
  const row = lines.find((line) => line.includes(account.id));
  expect(row).toContain(`'=HYPERLINK`);
  for (const line of lines.slice(1)) expect(line.startsWith(today)).toBe(true);
});

for (const theme of ['light', 'dark'] as const) {
  test(`Reports fit a 1024×700 window in the ${theme} theme`, async ({
    page,
    api,
    bridge,
    signIn,
    snap,
  }) => {
    await seedOrganization(api, {
      name: `Small ${theme}`,
      numbers: 2,
      surname: 'Window',
      people: [{ first: 'Wendy', invite: true }],
    });
    await bridge.router.invoke('prefs:set', { theme });
    await page.setViewportSize({ width: 1024, height: 700 });
    await signInPatiently(signIn, page);
    await openScreen(page, 'reports');
    await expect(page.getByTestId('report-chart-funnel').locator('canvas').first()).toBeVisible();
    await settle(page);
    await snap(`reports-1024-${theme}`);
    // Nothing wider than the window: the page never scrolls sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('reports-tab-follow-up').click();
    await settle(page);
    await snap(`reports-1024-follow-up-${theme}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('reports-tab-dashboard').click();
    await expect(page.getByTestId('report-chart-funnel').locator('canvas').first()).toBeVisible();
    await settle(page);
    await snap(`reports-1440-${theme}`);
  });
}
