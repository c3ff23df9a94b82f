import { expect, test } from '@playwright/test';
import { basename } from 'node:path';
import { login } from './support/login';
import { HAOCHAPING, ensureImported, rollBackFile } from './support/api';

test.describe('适配器', () => {
  test('regional IT sees every installed adapter with its manifest and recent imports', async ({
    page,
  }) => {
    // The card lists the five newest imports in scope, and earlier specs (and the API
    // integration tests, which share the database under `npm test`) import plenty: import
    // annex 2 afresh so it is the newest.
    await rollBackFile(HAOCHAPING);
    await ensureImported(HAOCHAPING);
    await login(page, 'regional.it');
    await page.getByTestId('nav-adapters').click();

    for (const id of ['gansu', 'henan', 'ningxia', 'sichuan'])
      await expect(page.locator(`[data-adapter="${id}"]`)).toBeVisible();

    const ningxia = page.locator('[data-adapter="ningxia"]');
    await expect(ningxia).toContainText('宁夏回族自治区（640000）');
    await expect(ningxia.getByTestId('adapter-version')).toContainText(/v\d+\.\d+\.\d+/);
    await expect(ningxia.locator('[data-kind="good-bad-review"]')).toBeVisible();
    await expect(ningxia.getByTestId('report-kinds')).toContainText('xlsx');

    const recent = ningxia
      .getByTestId('recent-imports')
      .locator('tr[data-import]', { hasText: basename(HAOCHAPING) })
      .filter({ hasText: '已导入' })
      .first();
    await expect(recent).toContainText('2022年1-8月');
    await expect(recent.getByTestId('warning-count')).toContainText('2 条警告');
    await page.screenshot({ path: test.info().outputPath('adapters.png'), fullPage: true });
  });
});
