import { expect, test, type Page } from '@playwright/test';
import { login } from './support/login';
import { join } from 'node:path';
import { COVERAGE, HAOCHAPING, REPO_ROOT, ensureImported } from './support/api';

/**
 * Every page of the console as a city administrator sees it, at 1440 × 900, written to
 * .cache/e2e/screenshots (git-ignored) for people to look at; three of them are in the
 * README. Each page must have rendered its content: no load error, no "no access".
 */
const PERIOD = '2022-01..2022-08';
const PAGES: ReadonlyArray<{ name: string; path: string }> = [
  { name: 'workbench', path: '/home' },
  { name: 'overview-city', path: `/overview?region=640100&period=${PERIOD}` },
  { name: 'overview-county', path: `/overview?region=640106&period=${PERIOD}` },
  { name: 'detail-county', path: `/detail/region/640106?period=${PERIOD}` },
  { name: 'supervision', path: `/supervision?region=640100&period=${PERIOD}` },
  { name: 'targets', path: '/targets' },
  { name: 'tasks', path: '/tasks' },
  { name: 'tasks-city', path: '/tasks/city' },
  { name: 'calendar', path: '/tasks/calendar' },
  { name: 'bulletins', path: '/bulletins' },
  { name: 'imports', path: '/imports' },
  { name: 'cases', path: '/cases' },
  { name: 'adapters', path: '/adapters' },
];

/** The page has drawn its content: its main area is there and no skeleton is left. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('nz-content')).toBeVisible();
  await expect(page.locator('nz-skeleton')).toHaveCount(0);
}

test.describe('screenshots of every page', () => {
  test.beforeAll(async () => {
    await ensureImported(HAOCHAPING);
    await ensureImported(COVERAGE);
  });

  test('each page renders for 银川市管理员 at 1440 × 900', async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'yinchuan.admin', PAGES[0].path);
    for (const { name, path } of PAGES) {
      await page.goto(path);
      await expect(page.getByTestId('current-user')).toBeVisible();
      await settled(page);
      await expect(page.getByTestId('load-error'), `${path} shows a load error`).toHaveCount(0);
      await expect(page.getByTestId('no-access'), `${path} says no access`).toHaveCount(0);
      await page.screenshot({
        path: join(REPO_ROOT, '.cache', 'e2e', 'screenshots', `${name}.png`),
      });
    }
  });
});
