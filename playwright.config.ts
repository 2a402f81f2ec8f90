/**
 * Playwright: end-to-end tests of the renderer in real headless Chromium (Debian's
 * /usr/bin/chromium; Playwright downloads no browser) against the browser-mode host, which each
 * test starts itself (test/e2e/fixtures.ts). `npm run test:e2e` builds the renderer first.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  // One retry in CI: a test that fails once and then passes is listed as "flaky" and .ci/run
  // prints what the page showed at the first failure, so the cause can be found (docs/testing.md).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
