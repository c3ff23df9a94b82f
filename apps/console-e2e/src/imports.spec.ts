import { expect, test } from '@playwright/test';
import { basename } from 'node:path';
import { login } from './support/login';
import { HAOCHAPING, PRE_REVIEW, rollBackFile } from './support/api';

test.describe('数据导入', () => {
  test('yinchuan.admin uploads Jinfeng annex 2, previews it, imports it and finds it in the history', async ({
    page,
  }) => {
    // Other specs may have imported the file through the API; start this flow from scratch.
    await rollBackFile(HAOCHAPING);
    await login(page, 'yinchuan.admin');
    await page.getByTestId('nav-imports').click();
    await expect(page.getByTestId('upload-card')).toBeVisible();

    await page.locator('input[type="file"]').setInputFiles(HAOCHAPING);
    await expect(page.getByTestId('upload-drop')).toContainText(basename(HAOCHAPING));
    await page.getByTestId('preview-button').click();

    const preview = page.getByTestId('preview-card');
    await expect(preview.getByTestId('preview-adapter')).toContainText('ningxia');
    await expect(preview.getByTestId('preview-confidence')).toContainText('100%');
    await expect(preview.getByTestId('preview-period')).toHaveText('2022-01..2022-08');
    await expect(preview.getByTestId('preview-region')).toContainText('金凤区 640106');
    // Matched names, with how they matched.
    const names = preview.getByTestId('names-table');
    await expect(names.locator('tr[data-name="审批局"] [data-match="alias"]')).toBeVisible();
    await expect(
      names.locator('tr[data-name="金凤区自然资源局"] [data-match="exact"]'),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('imports-preview.png'), fullPage: true });

    // Printed values beside derived ones: 98.95 for the district, the 丰登镇 rounding flagged.
    await preview.getByRole('tab', { name: /印刷值与计算值/ }).click();
    const values = preview.getByTestId('values-table');
    await expect(values.locator('tr[data-subject="金凤区"]').first()).toContainText('98.95');
    await expect(
      values.locator('tr[data-subject="丰登镇民生服务中心"]').getByTestId('discrepancy'),
    ).toContainText('-0.01');
    await preview.getByRole('tab', { name: /警告/ }).click();
    await expect(preview.getByTestId('warnings-table')).toContainText('附件2 · G13');

    await preview.getByTestId('commit-button').click();
    const result = page.getByTestId('commit-result');
    await expect(result).toHaveAttribute('data-outcome', 'created');
    await expect(result).toContainText('导入成功');

    const row = page
      .getByTestId('history-table')
      .locator('tr[data-import]', { hasText: basename(HAOCHAPING) })
      .first();
    await expect(row).toContainText('已导入');
    await expect(row).toContainText('yinchuan.admin');
    await expect(row).toContainText('金凤区');

    // The original file comes back as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(basename(HAOCHAPING));
    await page.screenshot({ path: test.info().outputPath('imports.png'), fullPage: true });
  });

  test('an import is rolled back with a reason and shows as rolled back', async ({ page }) => {
    await rollBackFile(PRE_REVIEW);
    await login(page, 'jinfeng.admin', '/imports');
    await page.locator('input[type="file"]').setInputFiles(PRE_REVIEW);
    await page.getByTestId('preview-button').click();
    await page.getByTestId('commit-button').click();
    await expect(page.getByTestId('commit-result')).toHaveAttribute('data-outcome', 'created');

    const row = page
      .getByTestId('history-table')
      .locator('tr[data-import]', { hasText: basename(PRE_REVIEW) })
      .first();
    await row.getByTestId('rollback').click();
    const dialog = page.locator('.ant-modal');
    await expect(dialog.getByTestId('rollback-confirm')).toBeDisabled();
    await dialog.getByTestId('rollback-reason').fill('预审数据口径有误，待重新导出');
    await dialog.getByTestId('rollback-confirm').click();
    await expect(row).toContainText('已回滚');
    await expect(row.getByTestId('rollback')).toHaveCount(0);
  });
});
