import { expect, test, type Page } from '@playwright/test';
import { login } from './support/login';
import { COVERAGE, HAOCHAPING, api, ensureImported } from './support/api';

/** No raw permission key (`assessment:read`, `target:write` …) and no token expiry reach a user. */
async function expectNoInternals(page: Page): Promise<void> {
  await expect(page.locator('body')).not.toContainText(/\b[a-z-]+:(read|write|open|manage)\b/);
  await expect(page.locator('body')).not.toContainText('令牌');
}

test.describe('工作台 per role', () => {
  test.beforeAll(async () => {
    await ensureImported(COVERAGE);
    await ensureImported(HAOCHAPING);
  });

  test('a city administrator sees the laggards of the period, the tasks to chase and the bulletin', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin');
    const laggards = page.getByTestId('wb-laggards');
    // 金凤区's 2022-01..08 figures are in: the period most regions reported opens, with its laggards.
    await expect(laggards).toContainText('2022年1-8月');
    await expect(laggards.getByTestId('wb-laggard').first()).toBeVisible();
    await expect(laggards.getByTestId('wb-laggard').first()).toContainText('目标');
    await expect(page.getByTestId('wb-overdue')).toContainText('已超期');
    await expect(page.getByTestId('wb-red')).toContainText('红色预警');
    await expect(page.getByTestId('wb-bulletin').locator('[data-state]')).toBeVisible();
    await expect(page.getByTestId('api-status')).toHaveAttribute('data-status', 'ok');
    await expectNoInternals(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: test.info().outputPath('workbench-city.png'), fullPage: true });
  });

  test('a department head sees the tasks waiting for their signature, with deadlines', async ({
    page,
  }) => {
    // jinfeng.admin opens a task for 审批服务管理局; its staff submits a report.
    const task = await api<{ id: string; number: number; deadline: string }>(
      'jinfeng.admin',
      '/tasks',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          source: 'free',
          title: '工作台待签批测试任务',
          leadUnitId: '640106:spj',
          workingDays: 10,
        }),
      },
    );
    const post = (path: string, body: object = {}) =>
      api('jinfeng.spj.staff', `/tasks/${task.id}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('acknowledge');
    await post('start');
    await post('submit', { report: '已整改，请审核。' });

    await login(page, 'jinfeng.spj.head');
    const toSign = page.getByTestId('wb-to-sign');
    const row = toSign.locator(`[data-task="${task.id}"]`);
    await expect(row).toContainText('工作台待签批测试任务');
    await expect(row).toContainText(`期限 ${task.deadline}`);
    await expect(row.getByRole('link')).toHaveAttribute('href', `/tasks/${task.id}`);
    await expect(page.getByTestId('wb-laggards')).toHaveCount(0);
    await expectNoInternals(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: test.info().outputPath('workbench-head.png'), fullPage: true });
  });

  test('regional IT sees adapters, failed imports and unmatched department names', async ({
    page,
  }) => {
    await login(page, 'regional.it');
    await expect(page.getByTestId('wb-adapters')).toContainText('已接入的适配器');
    await expect(
      page.getByTestId('wb-adapters').locator('.ant-statistic-content-value'),
    ).toHaveText(/[1-9]\d*/);
    await expect(page.getByTestId('wb-failed')).toBeVisible();
    await expect(page.getByTestId('wb-unmatched')).toBeVisible();
    await expect(page.getByTestId('wb-tasks')).toHaveCount(0);
    await expectNoInternals(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: test.info().outputPath('workbench-it.png'), fullPage: true });
  });
});
