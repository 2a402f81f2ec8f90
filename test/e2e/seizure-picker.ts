/**
 * Picks a seizure with the seizure picker (renderer/src/case/seizure-picker.tsx) as a user does:
 * types words into the combobox, waits for the option the data service lists, clicks it. Shared
 * by the specs that link exhibits and entity links to seizures.
 */
import { expect, type Locator } from '@playwright/test';

/** What to pick: the words typed, and the option's id or a text it contains (absent: the first seizure listed). */
export interface SeizurePick {
  words: string;
  id?: string;
  hasText?: string | RegExp;
}

/**
 * In `scope` (a dialog), opens the combobox labelled `label`, types `pick.words` and clicks the
 * matching option.
 * @returns the picked seizure's id.
 */
export async function pickSeizure(scope: Locator, label: string | RegExp, pick: SeizurePick): Promise<string> {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(pick.words);
  let options = scope.getByRole('listbox').locator('[role="option"][data-seizure-id]');
  if (pick.id) options = options.and(scope.locator(`[data-seizure-id="${pick.id}"]`));
  if (pick.hasText) options = options.filter({ hasText: pick.hasText });
  const option = options.first();
  await expect(option).toBeVisible({ timeout: 30_000 });
  const id = (await option.getAttribute('data-seizure-id'))!;
  await option.click();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  return id;
}
