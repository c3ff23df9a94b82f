import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';

// Debian's Chromium, never a downloaded browser build (see tools/adr).
function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execSync(`command -v ${name}`, { encoding: 'utf8', shell: '/bin/sh' }).trim();
      if (path) return path;
    } catch {
      /* try the next name */
    }
  }
  // Not installed: Nx also loads this file to infer targets, so fail at launch, not here
  // (npm test installs Debian's chromium before it runs the browser tests).
  return '/usr/bin/chromium';
}

const baseURL = process.env['BASE_URL'] ?? 'http://localhost:4200';

export default defineConfig({
  testDir: './src',
  outputDir: '../../.cache/e2e/test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['json'],
    ['html', { outputFolder: '../../.cache/e2e/report', open: 'never' }],
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 768 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
