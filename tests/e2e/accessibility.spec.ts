// axe-core on every screen, dialog and menu the admin can open, in the light and the dark theme: no
// serious or critical finding anywhere, and moderate ones only when justified (support/axe.ts).
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './support/fixtures';
import { AccountsPage } from './support/accounts-page';
import { AxeAudit, auditOverlay } from './support/axe';
import { e2eEnvironment } from './support/e2e-env';
import { seedColleague, seedOrganization } from './support/seed';
import { uniqueName } from './support/service-api';
import { numberRow, openOutbox, openScreen, settle, treeRow } from './admin-screens-helpers';

// The two themes are independent walks: let them use both workers.
test.describe.configure({ mode: 'parallel' });

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on any screen, dialog or menu (${theme} theme)`, async ({
    page,
    api,
    bridge,
    signIn,
  }) => {
    // One walk through every screen, dialog and wizard step: far longer than a usual spec.
    test.slow();
    const { organization, numbers, tag } = await seedOrganization(api, {
      name: `A11y ${theme}`,
      numbers: 6,
      surname: 'Audit',
      people: [{ first: 'Ada', poolIndex: 5 }, { first: 'Ben' }, { first: 'Cleo' }],
    });
    // A colleague whose first invitation was replaced: its password reads [removed] in the Outbox.
    const colleagueName = uniqueName(`A11y Colleague ${theme}`);
    const colleagueEmail = `${colleagueName.split(' ').pop()}.${theme}@a11y.example.com`;
    const colleague = await seedColleague(api, colleagueName, colleagueEmail);
    await api.request('POST', '/administrators/resend-invitation', {
      administratorIds: [colleague.id],
    });
    await bridge.router.invoke('prefs:set', { theme });
    const audit = new AxeAudit(page);
    const accounts = new AccountsPage(page);

    try {
      // Sign in.
      await page.goto(`${e2eEnvironment().appUrl}/index.html#/sign-in`);
      await page.getByTestId('profile-select').waitFor();
      await settle(page);
      await audit.check('sign in');
      await signIn();

      // Accounts, its menus and dialogs.
      await accounts.chooseScope(organization.name, organization.id);
      await expect(accounts.rows()).toHaveCount(3);
      await audit.check('accounts');
      await auditOverlay(
        page,
        audit,
        'organization scope menu',
        () => page.getByTestId('organization-scope').click(),
        page.getByRole('textbox', { name: 'Search organizations' }),
      );
      await auditOverlay(
        page,
        audit,
        'administrator menu',
        () => page.getByTestId('administrator-menu').click(),
        page.getByTestId('sign-out'),
      );

      await page.getByTestId('add-account').click();
      const dialog = page.getByTestId('add-account-dialog');
      await expect(dialog).toBeVisible();
      await settle(page);
      await audit.check('add account: single');
      await auditOverlay(
        page,
        audit,
        'add account: number picker',
        () => dialog.getByTestId('assign-number').click(),
        page.locator(`.v-overlay--active [data-number="${numbers[0]}"]`),
      );
      await dialog.getByTestId('tab-multiple').click();
      await expect(dialog.getByTestId('open-import-wizard')).toBeVisible();
      await audit.check('add account: multiple');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await accounts.selectRow(`Ada Audit ${tag}`);
      await accounts.selectRow(`Ben Audit ${tag}`);
      await expect(page.getByTestId('bulk-bar')).toContainText('2 selected');
      await audit.check('accounts: bulk bar');
      await auditOverlay(
        page,
        audit,
        'move accounts dialog',
        () => page.getByTestId('bulk-move').click(),
        page.getByTestId('move-dialog'),
      );
      await auditOverlay(
        page,
        audit,
        'delete accounts dialog',
        () => page.getByTestId('bulk-delete').click(),
        page.getByTestId('delete-dialog'),
      );

      await accounts.row(`Cleo Audit ${tag}`).click();
      const panel = page.getByTestId('account-panel');
      await expect(panel).toBeVisible();
      await settle(page);
      await audit.check('account panel');
      await auditOverlay(
        page,
        audit,
        'account panel: more actions',
        () => panel.getByRole('button', { name: 'More actions' }).click(),
        page.locator('.v-overlay--active').getByText('Suspend', { exact: true }),
      );
      await panel.getByTestId('panel-edit').click();
      await audit.check('account panel: edit');

      // Organizations & Numbers.
      await openScreen(page, 'organizations');
      await treeRow(page, organization.id).click();
      await expect(page.getByTestId('numbers-table').locator('tbody tr')).toHaveCount(6);
      await audit.check('organizations & numbers');
      await auditOverlay(
        page,
        audit,
        'add organization dialog',
        () => page.getByTestId('add-organization').click(),
        page.getByTestId('add-organization-dialog'),
      );
      await auditOverlay(
        page,
        audit,
        'add numbers dialog',
        () => page.getByTestId('add-numbers').click(),
        page.getByTestId('add-numbers-dialog'),
      );
      await auditOverlay(
        page,
        audit,
        'reserve numbers dialog',
        () => page.getByTestId(`reserve-${numbers[0]}`).click(),
        page.getByTestId('reserve-dialog'),
      );
      await numberRow(page, numbers[0]!).getByRole('checkbox').check();
      await numberRow(page, numbers[1]!).getByRole('checkbox').check();
      await expect(page.getByTestId('numbers-bulk-bar')).toContainText('2 selected');
      await audit.check('numbers: bulk bar');
      await auditOverlay(
        page,
        audit,
        'move numbers dialog',
        () => page.getByTestId('withdraw').click(),
        page.getByTestId('move-numbers-dialog'),
      );

      // Administrators.
      await openScreen(page, 'administrators');
      await expect(page.getByTestId('administrators-table')).toBeVisible();
      await settle(page);
      await audit.check('administrators');
      await auditOverlay(
        page,
        audit,
        'administrator dialog',
        () => page.getByTestId('invite-administrator').click(),
        page.getByTestId('administrator-dialog'),
      );
      await auditOverlay(
        page,
        audit,
        'reset password dialog',
        () => page.getByTestId(`reset-password-${colleagueEmail}`).click(),
        page.getByTestId('confirm-dialog'),
      );

      // Outbox (by route: the rail shows it only for the local service) with one message open.
      await openOutbox(page);
      // The list lands on its last page after a moment; click until a message is open.
      await expect(async () => {
        await page.getByTestId('outbox-table').locator('tbody tr').first().click();
        await expect(page.getByTestId('outbox-detail')).toBeVisible({ timeout: 2_000 });
      }).toPass();
      await audit.check('outbox');
      await page
        .getByTestId('outbox-table')
        .locator(`tr[data-to="${colleagueEmail}"]`)
        .first()
        .click();
      await expect(page.getByTestId('password-removed-notice')).toBeVisible();
      await audit.check('outbox: password removed');

      // Activity.
      await openScreen(page, 'activity');
      await expect(page.getByTestId('activity-table')).toBeVisible();
      await settle(page);
      await audit.check('activity');

      // Settings, every tab, and the permission profile dialog.
      await openScreen(page, 'settings');
      const tabs = page.getByTestId('settings-tabs');
      for (const name of [
        'Display',
        'Organization',
        'Permission profiles',
        'Invitation template',
      ]) {
        await tabs.getByRole('tab', { name }).click();
        await settle(page);
        await audit.check(`settings: ${name.toLowerCase()}`);
      }
      await tabs.getByRole('tab', { name: 'Permission profiles' }).click();
      await auditOverlay(
        page,
        audit,
        'permission profile dialog',
        () => page.getByTestId('add-profile').click(),
        page.getByTestId('add-profile-dialog'),
      );

      // Reports, with its charts drawn.
      await openScreen(page, 'reports');
      await expect(page.getByTestId('report-chart-status').locator('canvas').first()).toBeVisible();
      await audit.check('reports');

      // Import: every wizard step up to the capacity panel, with a small file that has a problem.
      await openScreen(page, 'import');
      await audit.check('import: setup');
      const setup = page.getByTestId('import-setup');
      await setup.getByRole('combobox', { name: 'Organization' }).fill(organization.name);
      await page.getByRole('option', { name: new RegExp(organization.name) }).click();
      await page.getByTestId('setup-next').click();
      await expect(page.getByTestId('drop-zone')).toBeVisible();
      await audit.check('import: file');
      bridge.nextOpenFile = await staffFile(tag);
      await page.getByTestId('open-file').click();
      await expect(page.getByTestId('review-counts')).toHaveText('1 ready · 1 with problems');
      await audit.check('import: review');
      await page.getByTestId('review-next').click();
      await expect(page.getByTestId('capacity-panel')).toBeVisible();
      await audit.check('import: import');
      await page.getByTestId('import-only').click();
      await expect(page.getByTestId('import-results')).toBeVisible();
      await expect(page.getByTestId('result-created')).toContainText('1');
      await audit.check('import: results');
      await page.getByTestId('tab-history').click();
      await expect(page.getByTestId('import-history')).toContainText(`staff-${tag}.csv`);
      await audit.check('import: past imports');
    } finally {
      console.log(`axe findings, ${theme} theme:\n${audit.table()}`);
    }
    const blocking = audit.blocking();
    expect(blocking, audit.details(blocking)).toEqual([]);
  });
}

/** A staff list with one clean row and one with a problem (an address without @). */
async function staffFile(tag: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'linedesk-a11y-'));
  const file = path.join(folder, `staff-${tag}.csv`);
  const lines = [
    'First Name,Last Name,Email,Number Of Lines Allowed',
    `Dana,Audit ${tag},dana.${tag}@example.com,1`,
    `Eli,Audit ${tag},eli.${tag}-at-example.com,1`,
  ];
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
