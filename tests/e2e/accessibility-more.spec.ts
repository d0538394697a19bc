// axe-core on what the long walk (accessibility.spec.ts) does not open: the Change password dialog,
// every Reports chart's table and its Save menu, the follow-up queue with rows selected, and the
// Activity screen's administrator filter open and its dates out of order — light and dark, nothing
// serious or critical; and Save as PNG works while a chart's table is shown.
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { AxeAudit, auditOverlay } from './support/axe';
import { seedOrganization } from './support/seed';
import { openScreen, settle, signInPatiently } from './admin-screens-helpers';

test.describe.configure({ mode: 'parallel' });

const chartKeys = ['status', 'funnel'] as const;

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in Change password, Reports tables and the follow-up queue (${theme} theme)`, async ({
    page,
    api,
    bridge,
    signIn,
  }) => {
    test.slow();
    const { organization } = await seedOrganization(api, {
      name: `A11y Reports ${theme}`,
      numbers: 2,
      surname: 'Queue',
      people: [
        { first: 'Uma', invite: true },
        { first: 'Udo', invite: true },
      ],
    });
    await bridge.router.invoke('prefs:set', { theme });
    const audit = new AxeAudit(page);
    try {
      await signInPatiently(signIn, page);

      await page.getByTestId('administrator-menu').click();
      await page.getByTestId('change-password').click();
      const passwordDialog = page.getByRole('dialog').filter({ hasText: 'password' });
      await expect(passwordDialog).toBeVisible();
      await settle(page);
      await audit.check('change password dialog');
      await passwordDialog.getByRole('button', { name: /save password/i }).click();
      await settle(page);
      await audit.check('change password dialog: errors shown');
      await page.keyboard.press('Escape');
      await expect(passwordDialog).toBeHidden();

      await new AccountsPage(page).chooseScope(organization.name, organization.id);
      await openScreen(page, 'reports');
      await expect(page.getByTestId('report-chart-status').locator('canvas').first()).toBeVisible();
      for (const key of chartKeys) {
        await page.getByTestId(`report-table-toggle-${key}`).click();
        await expect(page.getByTestId(`report-table-${key}`)).toBeVisible();
      }
      await settle(page);
      await audit.check('reports: tables shown');
      await auditOverlay(
        page,
        audit,
        'reports: save menu',
        () => page.getByTestId('report-save-status').click(),
        page.getByTestId('report-save-csv-status'),
      );
      // Save as PNG stays available (and readable) while the table is shown.
      await page.getByTestId('report-save-status').click();
      await page.getByTestId('report-save-png-status').click();
      await expect.poll(() => bridge.savedFiles.length).toBe(1);
      const png = await readFile(bridge.savedFiles[0]!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(2_000);

      await page.getByTestId('reports-tab-follow-up').click();
      await page.getByTestId('follow-up-days').locator('input').fill('0');
      const queue = page.getByTestId('follow-up-table');
      await expect(queue.locator('tbody tr')).toHaveCount(2);
      await queue.locator('thead input[type="checkbox"]').check();
      await settle(page);
      await audit.check('reports: follow-up queue, all selected');

      await openScreen(page, 'activity');
      await expect(page.getByTestId('activity-table')).toBeVisible();
      await auditOverlay(
        page,
        audit,
        'activity: administrator filter',
        () => page.getByTestId('activity-administrator').click(),
        page.locator('.v-overlay--active').getByRole('option').first(),
      );

      // A From after To is said under From, as that field's description.
      await page.getByTestId('activity-to').locator('input').fill('2026-01-01');
      const from = page.getByTestId('activity-from').locator('input');
      await from.fill('2026-02-01');
      await expect(from).toHaveAccessibleDescription('Pick a date on or before To.');
      await expect(from).toHaveAttribute('aria-invalid', 'true');
      await audit.check('activity: dates out of order');
    } finally {
      console.log(`axe findings, ${theme} theme:\n${audit.table()}`);
    }
    const blocking = audit.blocking();
    expect(blocking, audit.details(blocking)).toEqual([]);
  });
}
