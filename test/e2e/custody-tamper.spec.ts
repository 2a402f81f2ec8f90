/**
 * A hostile page cannot erase the chain of custody (tester's finding F-CUST-1): in browser mode, a
 * script in the page takes the case's Y.Doc from the React tree, as an attacker with the page's
 * privileges would, and in one transaction deletes both hand-overs and inserts a forged one. The
 * data service refuses the update whole (service/renderer-sync/sync-hub.ts), the page is told and
 * its replica is replaced by the service's state: the chain shows both real hand-overs again,
 * before and after a reload, and the forged receiver is nowhere. Screenshot:
 * docs/screenshots/custody-refused.png.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, repoRoot, offHost } from './fixtures';
import { openDemoCase, recordHandover } from './evidence-steps';

const SHOTS = path.join(repoRoot, 'docs/screenshots');

/** The tester's script: find the case Y.Doc in the React tree and rewrite the custody log in one transaction. */
async function forgeChain(page: Page): Promise<string[][]> {
  return await page.evaluate(() => {
    const el = document.querySelector('section.exhibit-detail');
    if (!el) throw new Error('no exhibit detail');
    const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
    type Fiber = { memoizedProps?: { doc?: unknown }; return: Fiber | null };
    let f: Fiber | null = key ? ((el as unknown as Record<string, Fiber>)[key] ?? null) : null;
    type Arr = { toArray(): Record<string, unknown>[]; get(i: number): Record<string, unknown>; delete(i: number, n: number): void; insert(i: number, v: unknown[]): void };
    type Doc = { getArray(name: string): Arr; transact(fn: () => void): void };
    let doc: Doc | null = null;
    while (f && !doc) {
      const d = f.memoizedProps?.doc as Doc | undefined;
      if (d && typeof d.getArray === 'function') doc = d;
      f = f.return;
    }
    if (!doc) throw new Error('no doc in the React tree');
    const custody = doc.getArray('custody');
    doc.transact(() => {
      const second = custody.get(1);
      custody.delete(0, 1);
      custody.delete(0, 1);
      custody.insert(0, [{ ...second, receivedBy: 'Somebody Else', at: (second.at as number) - 86_400_000 }]);
    });
    return custody.toArray().map((e) => [String(e.releasedBy), String(e.receivedBy)]);
  });
}

test('a page that rewrites the custody log is refused; the real chain stays, before and after a reload', async ({ page, host, requests, cspViolations }) => {
  test.setTimeout(300_000); // a whole exhibit and custody flow, twice loaded, on a shared CI machine
  await openDemoCase(page, host.url, 'Tess Breaker');
  await page.getByRole('tab', { name: 'Exhibits' }).click();
  await page.getByRole('button', { name: 'Add exhibit' }).click();
  const form = page.getByRole('dialog', { name: 'Add exhibit' });
  await form.getByLabel('Description').fill('Raw ivory tusks, 12 pieces, sealed crate');
  await form.getByLabel('Type').selectOption('physical-item');
  await form.getByLabel(/^Current holder/).fill('Customs Mombasa');
  await form.getByRole('button', { name: 'Add exhibit' }).click();
  await expect(form).toBeHidden();
  await page.locator('tr[data-exhibit$="/EX-001"]').click();
  await recordHandover(page, 'Customs Mombasa', 'KWS Lab', '2026-12-01T08:00', 'Kilindini port, Mombasa', 'Transfer for analysis');
  await recordHandover(page, 'KWS Lab', 'Prosecutor office', '2026-12-02T08:00', 'Kilindini port, Mombasa', 'Transfer for analysis');
  const log = page.getByRole('region', { name: 'Chain of custody' });
  await expect(log.locator('.custody-log > li')).toHaveCount(2);

  // The forgery applies in the page's own copy first...
  expect(await forgeChain(page)).toEqual([['KWS Lab', 'Somebody Else']]);
  // ...the service refuses it: the user is told, and the page shows the stored chain again.
  await expect(page.locator('.toast-error')).toContainText('can never be edited or removed');
  await page.getByRole('tab', { name: 'Exhibits' }).click();
  await page.locator('tr[data-exhibit$="/EX-001"]').click();
  await expect(log.locator('.custody-log > li')).toHaveCount(2);
  await expect(log.getByText('Customs Mombasa → KWS Lab')).toBeVisible();
  await expect(log.getByText('KWS Lab → Prosecutor office')).toBeVisible();
  await expect(log.getByText(/Somebody Else/)).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'custody-refused.png') });

  // Later honest edits still save (the replica was replaced, not left stuck).
  await recordHandover(page, 'Prosecutor office', 'Court registry', '2026-12-03T08:00', 'Kilindini port, Mombasa', 'Transfer for analysis');
  await expect(log.locator('.custody-log > li')).toHaveCount(3);

  await page.reload();
  await page.getByRole('tab', { name: 'Exhibits' }).click();
  await page.locator('tr[data-exhibit$="/EX-001"]').click();
  await expect(log.locator('.custody-log > li')).toHaveCount(3);
  await expect(log.getByText(/Somebody Else/)).toHaveCount(0);

  expect(offHost(requests, host.origin)).toEqual([]);
  expect(cspViolations).toEqual([]);
});
