/**
 * The case file of issue 12 in headless Chromium: the case header with the layout-2 fields, the
 * notes edited in two windows at once (both see both texts and the other's caret with its name),
 * a task with a progress entry, and the timeline with an event of month precision. Screenshots
 * go to docs/screenshots/ (case-header, notes-two-windows, tasks, timeline).
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, repoRoot } from './fixtures';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

async function openDemoCase(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up your identity' })).toBeVisible();
  await page.getByLabel('Full name').fill('Amina Mwangi');
  await page.getByLabel('Agency').fill('Kenya Wildlife Service');
  await page.getByRole('radio', { name: /Investigator/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await page.getByRole('table', { name: 'Cases' }).locator('tbody tr').first().click();
  await expect(page.getByTestId('severity-badge')).toBeVisible();
  return page.url();
}

test('case header, notes in two windows with carets, tasks and timeline', async ({ page, host }) => {
  const caseUrl = await openDemoCase(page, host.url);

  // Header and overview: set severity and tags.
  await page.getByLabel('Severity').selectOption('4');
  await page.getByLabel('Tags').fill('pangolin, port');
  await page.getByLabel('Tags').press('Enter');
  await expect(page.getByTestId('severity-badge')).toHaveText('4 · Critical');
  await expect(page.getByLabel('tags', { exact: true })).toContainText('pangolin');
  await page.screenshot({ path: path.join(SHOTS, 'case-header.png') });

  // Notes in two windows of the same desktop.
  await page.getByRole('tab', { name: 'Notes' }).click();
  const editorA = page.getByRole('textbox', { name: 'Case notes' });
  await expect(editorA).toBeVisible();
  const second = await page.context().newPage();
  // The page needs the host's token (in the URL it starts with), then the case's notes address.
  await second.goto(host.url);
  await expect(second.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await second.evaluate((hash) => {
    window.location.hash = hash;
  }, new URL(caseUrl).hash.replace(/(\/c\/[^/]+).*$/, '$1/notes'));
  const editorB = second.getByRole('textbox', { name: 'Case notes' });
  await expect(editorB).toBeVisible();
  await editorA.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Window A: consignee traced to Lagos.');
  await editorB.click();
  await second.keyboard.press('Control+End');
  await second.keyboard.press('Enter');
  await second.keyboard.type('Window B: vessel master interviewed.');
  await expect(editorA).toContainText('Window B: vessel master interviewed.');
  await expect(editorB).toContainText('Window A: consignee traced to Lagos.');
  await expect(page.locator('.collab-caret-label', { hasText: 'Amina Mwangi' })).toBeVisible();
  await expect(second.locator('.collab-caret-label', { hasText: 'Amina Mwangi' })).toBeVisible();
  await page.getByRole('button', { name: 'Heading 2' }).isVisible();
  await page.screenshot({ path: path.join(SHOTS, 'notes-two-windows.png') }); // notes.png shows two members (case-realistic.spec.ts)
  await second.close();

  // Tasks: add one and log progress.
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'Add task' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add task' });
  await dialog.getByLabel('Task').fill('Request the bill of lading from the shipping line');
  await dialog.getByLabel('Agency').fill('Kenya Revenue Authority');
  await dialog.getByLabel('Due').fill('2026-12-20');
  await dialog.getByRole('button', { name: 'Add task' }).click();
  const row = page.locator('tr[data-task="Request the bill of lading from the shipping line"]');
  await expect(row).toBeVisible();
  await row.click();
  await page.getByLabel('Add entry').fill('Asked the line’s Mombasa agent.');
  await page.getByRole('button', { name: 'Add entry' }).click();
  await expect(page.getByText('Asked the line’s Mombasa agent.')).toBeVisible();
  await expect(row).toContainText('1 entry');
  await page.screenshot({ path: path.join(SHOTS, 'tasks.png') });

  // Timeline: an event known to the month, with the seizures and the task.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add event' }).click();
  const ev = page.getByRole('dialog', { name: 'Add event' });
  await ev.getByLabel('Date known to the').selectOption('month');
  await ev.getByLabel('Date', { exact: true }).fill('2019-03');
  await ev.getByLabel('What happened').fill('Consignment booked in Lagos');
  await ev.getByRole('button', { name: 'Add event' }).click();
  await expect(page.locator('.timeline-entry', { hasText: 'Consignment booked in Lagos' })).toContainText('2019-03');
  await expect(page.locator('.timeline-task-due')).toContainText('Request the bill of lading');
  await page.screenshot({ path: path.join(SHOTS, 'timeline.png') });
});
