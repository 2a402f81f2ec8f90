/**
 * Accessibility checks with axe-core in the page under test. The axe source is evaluated
 * through Playwright (as DevTools does), so the app's strict CSP needs no exception.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation, shortened for a readable test failure. */
export interface AxeProblem {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe (WCAG 2.1 A and AA rules) on the page and returns the serious and critical violations.
 * `exclude` lists selectors left out (e.g. the map canvas, which has no text).
 */
export async function seriousAxeViolations(page: Page, exclude: string[] = []): Promise<AxeProblem[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async (ex) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ exclude: ex.map((s) => [s]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  }, exclude);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
