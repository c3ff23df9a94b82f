import { expect, test } from '@playwright/test';
import { login } from './support/login';

test.describe('目标管理', () => {
  test('targets show where they were set; a county sets one and a township overrides it', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', '/targets?region=640106&year=2022');
    const table = page.getByTestId('targets-table');
    const rate = table.locator('tr[data-indicator="offline_evaluation_rate"]');
    await expect(rate.getByTestId('target-text')).toHaveText('≥ 98.5%');
    await expect(rate.getByTestId('target-origin')).toHaveText('继承自银川市');
    await expect(
      table.locator('tr[data-indicator="bad_review_rectification_rate"]').first(),
    ).toHaveAttribute('data-origin', 'own');
    await page.screenshot({ path: test.info().outputPath('targets.png'), fullPage: true });

    // 金凤区 sets a 2023 satisfaction target of its own.
    await page.goto('/targets?region=640106&year=2023');
    await page.getByTestId('target-add').click();
    const dialog = page.getByTestId('target-dialog');
    await dialog.getByTestId('target-indicator').click();
    await page.keyboard.type('满意度');
    await page.locator('.ant-select-item-option[title="满意度"]').click();
    await dialog.getByTestId('target-value').locator('input').fill('95');
    await page.getByTestId('target-save').click();
    const satisfaction = page
      .getByTestId('targets-table')
      .locator('tr[data-indicator="satisfaction"]');
    await expect(satisfaction.getByTestId('target-text')).toHaveText('≥ 95%');
    await expect(satisfaction.getByTestId('target-origin')).toHaveText('本级设定');

    // 良田镇 inherits it, and overrides it in an edit dialog.
    await page.goto('/targets?region=640106100000&year=2023');
    const inherited = page
      .getByTestId('targets-table')
      .locator('tr[data-indicator="satisfaction"]');
    await expect(inherited.getByTestId('target-origin')).toHaveText('继承自金凤区');
    await inherited.getByTestId('target-edit').click();
    await expect(page.getByTestId('target-dialog')).toContainText('此目标继承自金凤区');
    await page.getByTestId('target-dialog').getByTestId('target-value').locator('input').fill('96');
    await page.screenshot({ path: test.info().outputPath('targets-override-dialog.png') });
    await page.getByTestId('target-save').click();
    await expect(inherited.getByTestId('target-text')).toHaveText('≥ 96%');
    await expect(inherited.getByTestId('target-origin')).toHaveText('本级设定');
  });

  test('opens on the newest year with targets, and deletes a township override after a confirmation', async ({
    page,
  }) => {
    // Without a year in the address, the page opens on the newest year that has targets.
    await login(page, 'jinfeng.admin', '/targets?region=640106');
    await expect(
      page.getByTestId('targets-table').locator('tr[data-indicator]').first(),
    ).toBeVisible();
    await expect(page.getByTestId('targets-table')).not.toContainText('没有适用于该地区的目标');

    // 良田镇 overrides 金凤区's 2031 satisfaction target, then deletes its own: the inherited one applies again.
    const table = page.getByTestId('targets-table');
    await page.goto('/targets?region=640106&year=2031');
    await page.getByTestId('target-add').click();
    await page.getByTestId('target-dialog').getByTestId('target-indicator').click();
    await page.keyboard.type('满意度');
    await page.locator('.ant-select-item-option[title="满意度"]').click();
    await page.getByTestId('target-dialog').getByTestId('target-value').locator('input').fill('90');
    await page.getByTestId('target-save').click();
    await expect(table.locator('tr[data-indicator="satisfaction"]')).toHaveAttribute(
      'data-origin',
      'own',
    );

    await page.goto('/targets?region=640106100000&year=2031');
    const row = table.locator('tr[data-indicator="satisfaction"]');
    await row.getByTestId('target-edit').click();
    await page.getByTestId('target-dialog').getByTestId('target-value').locator('input').fill('93');
    await page.getByTestId('target-save').click();
    await expect(row).toHaveAttribute('data-origin', 'own');
    await row.getByTestId('target-delete').click();
    await expect(page.locator('.ant-popover')).toContainText(
      '删除本级设定的2031年「满意度」目标？',
    );
    await page.locator('.ant-popover .ant-btn-primary').click();
    await expect(row).toHaveAttribute('data-origin', 'inherited');
    await expect(row.getByTestId('target-text')).toHaveText('≥ 90%');
    await expect(row.getByTestId('target-delete')).toHaveCount(0);
  });

  test('department staff read targets but cannot change them', async ({ page }) => {
    await login(page, 'jinfeng.spj.staff', '/targets?region=640106&year=2022');
    await expect(
      page.getByTestId('targets-table').locator('tr[data-indicator="offline_evaluation_rate"]'),
    ).toBeVisible();
    await expect(page.getByTestId('target-add')).toHaveCount(0);
    await expect(page.getByTestId('target-edit')).toHaveCount(0);
  });
});
