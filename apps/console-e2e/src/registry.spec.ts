import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { REPO_ROOT } from './support/api';
import { login } from './support/login';

/**
 * 区划与单位 as 安阳市's administrator: 唐河县 411328 lies in 南阳市, outside the scope, so the
 * search does not find it; 汤阴县 410523, a county of 安阳 the demo has no units for, gets a
 * 开发区 and a second spelling of it, both kept after a reload.
 */
test.describe('区划与单位', () => {
  test('a city administrator finds a county of the city, adds a unit and an alias; 唐河县 is not in scope', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'anyang.admin', '/home');
    await page.getByTestId('nav-registry').click();
    await expect(page).toHaveURL(/\/registry/);

    // The city opens on its counties.
    const tree = page.getByTestId('region-tree');
    await expect(tree.locator('[data-testid="tree-node"][data-code="410500"]')).toContainText(
      '安阳市',
    );
    await expect(tree.locator('[data-testid="tree-node"][data-code="410523"]')).toContainText(
      '汤阴县',
    );
    await expect(tree.locator('[data-code="411328"]')).toHaveCount(0);

    // 唐河县 is another city's: neither its name nor its code finds it here.
    const search = page.getByTestId('region-search');
    for (const q of ['唐河', '411328']) {
      await search.fill(q);
      await search.press('Enter');
      await expect(page.getByTestId('search-empty')).toContainText(q);
    }

    await search.fill('汤阴');
    await search.press('Enter');
    const hit = page.locator('[data-testid="search-hit"][data-code="410523"]');
    await expect(hit).toContainText('河南省 / 安阳市');
    await hit.click();
    await expect(page).toHaveURL(/region=410523/);
    await expect(page.getByTestId('region-name')).toHaveText('汤阴县');
    await expect(page.getByTestId('units-table')).toContainText('该地区没有登记单位');

    // A 开发区 without a code of its own, under the county.
    await page.getByTestId('unit-add').click();
    const unitDialog = page.getByTestId('unit-dialog');
    await unitDialog.getByTestId('unit-kind-select').click();
    await page.locator('.ant-select-item-option[title="开发区（经开区、高新区）"]').click();
    await unitDialog.getByTestId('unit-name-input').fill('汤阴县产业集聚区');
    await unitDialog.getByTestId('unit-slug-input').fill('e2e-kfq');
    await page.getByTestId('unit-save').click();
    const row = page.locator('[data-testid="unit-row"][data-unit="410523:e2e-kfq"]');
    await expect(row.getByTestId('unit-name')).toHaveText('汤阴县产业集聚区');
    await expect(row.getByTestId('unit-kind')).toHaveText('开发区（经开区、高新区）');

    // The spelling a bulletin uses for it.
    await row.getByTestId('alias-add').click();
    await page.getByTestId('alias-input').fill('汤阴产业集聚区');
    await page.getByTestId('alias-save').click();
    await expect(row.getByTestId('unit-aliases')).toContainText('汤阴产业集聚区');
    await expect(page.getByTestId('alias-dialog')).toBeHidden();

    // Saved, not only shown: after a reload the unit, its kind and alias are there.
    await page.reload();
    await expect(row.getByTestId('unit-aliases')).toContainText('汤阴产业集聚区');
    await expect(
      tree
        .locator('[data-testid="tree-node"][data-code="410523"] >> [data-testid="tree-select"]')
        .first(),
    ).toContainText('1 个单位');
    await expect(page.getByTestId('load-error')).toHaveCount(0);
    await page.screenshot({
      path: join(REPO_ROOT, '.cache', 'e2e', 'screenshots', 'registry.png'),
    });
  });
});
