// File → Open CSV File… and File → Open Recent (menu commands from main) open files in the import
// wizard from any screen; a recent file moved or deleted since says so and leaves the list.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const menuCommand = (page: Page, command: string, detail?: unknown) =>
  page.evaluate(
    ([name, extra]) =>
      (window as unknown as Record<string, (c: unknown, d?: unknown) => void>)
        .__linedeskMenuCommand!(name, extra),
    [command, detail] as const,
  );

test('the File menu opens a CSV and a recent file; a file gone since is named and taken off the list; the Import screen opens a recent file; Cmd+O opens', async ({
  page,
  bridge,
  signIn,
  snap,
}) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'linedesk-e2e-recent-'));
  try {
    const staff = path.join(folder, 'staff.csv');
    const contractors = path.join(folder, 'contractors.csv');
    await writeFile(staff, 'First Name,Last Name,Email\nAda,Lovelace,ada@example.com\n');
    await writeFile(
      contractors,
      'First Name,Last Name,Email\nAlan,Turing,alan@example.com\nGrace,Hopper,grace@example.com\n',
    );
    await signIn();

    for (const [file, counts] of [
      [staff, '1 ready · 0 with problems'],
      [contractors, '2 ready · 0 with problems'],
    ] as const) {
      await page.getByTestId('nav-accounts').click();
      bridge.nextOpenFile = file;
      await menuCommand(page, 'openFile');
      await expect(page.getByTestId('review-counts')).toHaveText(counts);
    }
    const recentId = (name: string) =>
      bridge.services.csv.recentFiles().find((file) => file.name === name)!.id;

    await page.getByTestId('nav-accounts').click();
    await menuCommand(page, 'openRecentFile', { recentFileId: recentId('staff.csv') });
    await expect(page.getByTestId('import-view')).toBeVisible();
    await expect(page.getByTestId('review-counts')).toHaveText('1 ready · 0 with problems');

    await rm(contractors);
    await page.getByTestId('nav-accounts').click();
    await menuCommand(page, 'openRecentFile', { recentFileId: recentId('contractors.csv') });
    await expect(page.getByTestId('file-problem')).toContainText('contractors.csv is no longer in');
    await expect(page.getByTestId('file-problem')).toContainText('taken off the recent files');
    const list = page.getByTestId('recent-files');
    await expect(list).toContainText('staff.csv');
    await expect(list).not.toContainText('contractors.csv');
    await snap('import-recent-file-gone');
    expect(bridge.services.csv.recentFiles().map((file) => file.name)).toEqual(['staff.csv']);

    // The Import screen's own list opens a recent file too.
    await list.getByText('staff.csv').click();
    await expect(page.getByTestId('review-counts')).toHaveText('1 ready · 0 with problems');
    await expect(page.getByTestId('cell-2-firstName')).toHaveText('Ada');

    // Cmd+O, as on a Mac, opens main's Open dialog too.
    await page.getByTestId('nav-accounts').click();
    bridge.nextOpenFile = staff;
    await page.keyboard.press('Meta+o');
    await expect(page.getByTestId('import-view')).toBeVisible();
    await expect(page.getByTestId('review-counts')).toHaveText('1 ready · 0 with problems');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
