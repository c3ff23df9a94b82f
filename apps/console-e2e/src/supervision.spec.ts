import { expect, test } from '@playwright/test';
import { login } from './support/login';
import { COVERAGE, HAOCHAPING, ensureImported } from './support/api';

const PERIOD = '2022-01..2022-08';

test.describe('督查督办', () => {
  test.beforeAll(async () => {
    await ensureImported(HAOCHAPING);
    await ensureImported(COVERAGE);
  });

  test('jinfeng.admin sees who is below target, zero-case items and discrepancies, and opens a task from one', async ({
    page,
  }) => {
    await login(page, 'jinfeng.admin');
    await page.getByTestId('nav-supervision').click();
    await page.goto(`/supervision?region=640106&period=${PERIOD}`);
    await expect(page.getByTestId('supervision-heading')).toContainText('金凤区 · 2022年1-8月');

    // 残联 35/66 evaluated: 53.03%, far below the 98.5% target.
    const cl = page.locator('tr[data-finding="offline_evaluation_rate:unit:640106:cl"]');
    await expect(cl).toContainText('53.03%');
    await expect(cl.getByTestId('gap-sentence')).toContainText(
      '低于目标 98.5% 45.47 个百分点，需再评价 31 件',
    );
    await page.screenshot({
      path: test.info().outputPath('supervision-below.png'),
      fullPage: true,
    });

    // Annex 1: items without a single case this period.
    await page.getByRole('tab', { name: /零办件/ }).click();
    await expect(page).toHaveURL(/tab=zero/);
    const zero = page.locator('tr[data-kind="zero-case-items"]').first();
    await expect(zero.getByTestId('finding-message')).toContainText('本期零办件');

    // 丰登镇 prints 96.31 for 366 / 380 = 96.315…: flagged on its cell in annex 2.
    await page.getByRole('tab', { name: /数据不一致/ }).click();
    const fengdeng = page
      .locator('tr[data-kind="discrepancy"]', { hasText: '丰登镇' })
      .filter({ hasText: '96.31' })
      .first();
    await expect(fengdeng.getByTestId('finding-cell').first()).toContainText(
      'jinfeng-2022-01to08-annex2-haochaping.xlsx',
    );
    await page.screenshot({
      path: test.info().outputPath('supervision-discrepancies.png'),
      fullPage: true,
    });

    // One click opens the prefilled task form for 残联's shortfall.
    await page.getByRole('tab', { name: /未达标/ }).click();
    await cl.getByTestId('open-task').click();
    await expect(page).toHaveURL(/\/tasks\/new\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      source: 'indicator',
      indicator: 'offline_evaluation_rate',
      unit: '640106:cl',
      region: '640106',
      period: PERIOD,
    });
  });

  test("yinchuan.admin sees the departments of all the city's counties, grouped and worst first", async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/supervision?region=640100&period=${PERIOD}`);
    await expect(page.getByTestId('supervision-heading')).toContainText('银川市');
    // 金凤区's 残联 is listed on the city's page, with its county beside it.
    const cl = page.locator('tr[data-finding="offline_evaluation_rate:unit:640106:cl"]');
    await expect(cl).toContainText('53.03%');
    await expect(cl.getByTestId('below-region')).toHaveText('金凤区');
    // Worst first by default: the gap column sorts descending.
    await expect(
      page.getByTestId('sort-gap').locator('.ant-table-column-sorter-down.active'),
    ).toBeVisible();
    // Departments, townships and centres are told apart: the department filter keeps only departments.
    await expect(page.getByLabel('类别')).toBeVisible();
    await page.getByTestId('group-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '部门' }).click();
    const rows = page.getByTestId('below-row');
    await expect(rows.first()).toBeVisible();
    expect(
      new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-group')))),
    ).toEqual(new Set(['department']));
    await expect(cl).toBeVisible();
    // Any column sorts: by value, the lowest first.
    const valueHeader = page.getByRole('columnheader', { name: '本期值' });
    await valueHeader.click();
    await expect(valueHeader.locator('.ant-table-column-sorter-up.active')).toBeVisible();
    const values = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent?.trim() ?? ''),
    );
    // The rates, as printed, come in ascending order (any subsequence of a sorted list is sorted).
    const numbers = values.filter((v) => v.endsWith('%')).map((v) => parseFloat(v));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: test.info().outputPath('supervision-city.png'), fullPage: true });
  });

  test('the auditor reads the same findings but cannot open tasks', async ({ page }) => {
    await login(page, 'yinchuan.auditor', `/supervision?region=640106&period=${PERIOD}`);
    await expect(
      page.locator('tr[data-finding="offline_evaluation_rate:unit:640106:cl"]'),
    ).toContainText('53.03%');
    await expect(page.getByTestId('open-task')).toHaveCount(0);
  });

  test('jinfeng.admin cannot supervise 灵武市', async ({ page }) => {
    await login(page, 'jinfeng.admin', `/supervision?region=640181&period=${PERIOD}`);
    await expect(page.getByTestId('no-access')).toBeVisible();
    await expect(page.getByTestId('below-table')).toHaveCount(0);
  });
});
