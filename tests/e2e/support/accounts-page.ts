// Steps on the Accounts screen in the admin's words (choose the scope, find a row, add an account…),
// so the specs read as what a help-desk admin does.
import { expect, type Locator, type Page } from '@playwright/test';

export class AccountsPage {
  constructor(readonly page: Page) {}

  /** Picks an organization in the top-bar scope selector by searching its name. */
  async chooseScope(organizationName: string, organizationId: string): Promise<void> {
    await this.page.getByTestId('organization-scope').click();
    await this.page.getByRole('textbox', { name: 'Search organizations' }).fill(organizationName);
    await this.page.locator(`[data-organization-id="${organizationId}"]`).click();
    await expect(this.page.getByTestId('organization-scope')).toContainText(organizationName);
  }

  rows(): Locator {
    return this.page.getByTestId('accounts-table').locator('tbody tr.v-data-table__tr');
  }

  row(name: string): Locator {
    return this.rows().filter({ hasText: name });
  }

  async selectRow(name: string): Promise<void> {
    await this.row(name).getByRole('checkbox').check();
  }

  /** The status of a row in the grid ("Invited", "Not Invited"…). */
  status(name: string): Locator {
    return this.row(name).locator('.grid-status');
  }

  notification(): Locator {
    return this.page.getByTestId('notification');
  }

  /** Waits for a notification containing `text`, then closes it so the next one can show. */
  async expectNotification(text: string | RegExp): Promise<void> {
    const note = this.page.locator('.v-snackbar__content').filter({ hasText: text });
    await expect(note).toBeVisible();
    await this.page.locator('.v-snackbar').getByRole('button', { name: 'Close' }).click();
    await expect(note).toBeHidden();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('accounts-search').getByRole('textbox').fill(text);
  }

  /** The table footer's "1-25 of 63". */
  pageInfo(): Locator {
    return this.page.locator('.v-data-table-footer__info');
  }
}
