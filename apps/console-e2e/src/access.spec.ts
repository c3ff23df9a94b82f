import { expect, test } from '@playwright/test';
import { login } from './support/login';

const PERIOD = '2022-01..2022-08';

test.describe('权限与数据范围', () => {
  test('jinfeng.admin cannot open 灵武市: a clear "no access" page, not an empty one', async ({
    page,
  }) => {
    await login(page, 'jinfeng.admin', `/detail/region/640181?period=${PERIOD}`);
    const denied = page.getByTestId('no-access');
    await expect(denied).toBeVisible();
    await expect(denied).toContainText('无权访问');
    await expect(denied).toContainText('数据范围');
    await expect(page.getByTestId('indicator-table')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('no-access-lingwu.png'), fullPage: true });

    await page.goto(`/overview?region=640181&period=${PERIOD}`);
    await expect(page.getByTestId('no-access')).toBeVisible();
    await expect(page.getByTestId('assessment-matrix')).toHaveCount(0);

    // Their own county opens.
    await page.goto(`/detail/region/640106?period=${PERIOD}`);
    await expect(page.getByTestId('detail-title')).toHaveText('金凤区');
  });

  test('jinfeng.spj.staff sees no admin menus, and admin pages refuse a deep link', async ({
    page,
  }) => {
    await login(page, 'jinfeng.spj.staff');
    const menu = page.getByTestId('main-menu');
    await expect(menu.getByTestId('nav-home')).toBeVisible();
    await expect(menu.getByTestId('nav-overview')).toBeVisible();
    for (const admin of ['nav-imports', 'nav-adapters'])
      await expect(menu.getByTestId(admin)).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('menu-dept-staff.png'), fullPage: true });

    await page.goto('/imports');
    await expect(page.getByTestId('no-access')).toBeVisible();
    await page.goto('/adapters');
    await expect(page.getByTestId('no-access')).toBeVisible();
  });
});
