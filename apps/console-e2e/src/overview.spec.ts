import { expect, test } from '@playwright/test';
import { login } from './support/login';
import { COVERAGE, HAOCHAPING, ensureImported } from './support/api';

const PERIOD = '2022-01..2022-08';

test.describe('效能总览', () => {
  test.beforeAll(async () => {
    await ensureImported(HAOCHAPING);
    await ensureImported(COVERAGE);
  });

  test('the overview of 金凤区 for 2022年1-8月 shows the printed figures in a colour table', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/overview?region=640106&period=${PERIOD}`);
    await expect(page.getByTestId('overview-heading')).toContainText('金凤区 · 2022年1-8月');
    const matrix = page.getByTestId('assessment-matrix');
    const total = matrix.locator('tr[data-subject="640106"]');
    await expect(total.locator('td[data-indicator="offline_evaluation_rate"] button')).toHaveText(
      '98.95%',
    );
    // The total says how many of the registry's units are in it, beside its figure.
    await expect(
      total.locator('td[data-indicator="offline_evaluation_rate"] [data-testid="coverage"]'),
    ).toHaveText('17 个单位中 16 个已报送');
    await expect(total.locator('td[data-indicator="offline_evaluation_rate"]')).toHaveAttribute(
      'data-status',
      'met',
    );
    // 审批局 5769/5835 = 98.87, 残联 35/66 missed, 公安分局 not connected.
    const spj = matrix.locator('tr[data-subject="640106:spj"]');
    await expect(spj.locator('td[data-indicator="offline_evaluation_rate"]')).toHaveText('98.87%');
    const cl = matrix.locator('tr[data-subject="640106:cl"]');
    await expect(cl.locator('td[data-indicator="offline_evaluation_rate"]')).toHaveAttribute(
      'data-status',
      'missed',
    );
    await expect(
      matrix.locator('tr[data-subject="640106:gaj"] td[data-indicator="offline_evaluation_rate"]'),
    ).toHaveText('/');
    // Item coverage from annex 1: 472/1681 = 28.08% for the district.
    await expect(total.locator('td[data-indicator="item_coverage"] button')).toHaveText('28.08%');

    // Who is behind, in plain words.
    const behind = page.getByTestId('behind-list');
    await expect(behind).toContainText(
      '线下参评率 53.03%，低于目标 98.5% 45.47 个百分点，需再评价 31 件',
    );
    await expect(page.getByTestId('ranking-card').locator('canvas')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('overview-jinfeng.png'), fullPage: true });
  });

  test('the city overview compares its counties, and a county row drills into its detail', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/overview?period=${PERIOD}`);
    await expect(page.getByTestId('overview-heading')).toContainText('银川市 · 2022年1-8月');
    const row = page.getByTestId('assessment-matrix').locator('tr[data-subject="640106"]');
    await expect(row.locator('td[data-indicator="offline_evaluation_rate"] button')).toHaveText(
      '98.95%',
    );
    // 银川市's total is 金凤区 alone while 灵武市 sent nothing: partial, never coloured as a verdict.
    const city = page
      .getByTestId('assessment-matrix')
      .locator('tr[data-subject="640100"] td[data-indicator="offline_evaluation_rate"]');
    // The registry's six counties of 银川市 (2023 edition), of which only 金凤区 sent the figure.
    await expect(city.getByTestId('coverage')).toHaveText('6 个县区中 1 个已报送');
    await expect(city).toHaveAttribute('data-status', 'partial');
    await expect(
      page
        .getByTestId('assessment-matrix')
        .locator('tr[data-subject="640181"] td[data-indicator="offline_evaluation_rate"] button'),
    ).toHaveText('未报');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({
      path: test.info().outputPath('overview-city-1920.png'),
      fullPage: true,
    });
    await row.getByTestId('drill').click();
    await expect(page).toHaveURL(/\/detail\/region\/640106\?period=2022-01\.\.2022-08/);
  });

  test('every figure stands under its own header, in the headline view and with all indicators', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/overview?region=640106&period=${PERIOD}`);
    const matrix = page.getByTestId('assessment-matrix');
    await expect(matrix.locator('tr[data-subject="640106"]')).toBeVisible();
    const toggle = page.getByTestId('headline-toggle');
    // Headline → all → headline → all: the column shift came when the cells were re-created.
    for (const view of ['all', 'headline', 'all', 'headline']) {
      await toggle
        .locator('label, .ant-segmented-item')
        .filter({ hasText: view === 'all' ? '全部' : '重点' })
        .first()
        .click();
      const heads = await matrix.locator('thead th[data-indicator]').evaluateAll((ths) =>
        ths.map((th) => ({
          code: th.getAttribute('data-indicator'),
          left: Math.round(th.getBoundingClientRect().left),
        })),
      );
      expect(heads.length).toBeGreaterThan(0);
      const rows = await matrix.locator('tbody tr[data-subject]').evaluateAll((trs) =>
        trs.map((tr) => ({
          subject: tr.getAttribute('data-subject'),
          // Every child of the row, in order: a stray element between cells shows here too.
          children: Array.from(tr.children).map((c) => ({
            tag: c.tagName,
            code: c.getAttribute('data-indicator'),
            left: Math.round(c.getBoundingClientRect().left),
          })),
        })),
      );
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        const cells = row.children.slice(1);
        expect({
          subject: row.subject,
          view,
          cells: cells.map((c) => `${c.tag}:${c.code}`),
        }).toEqual({
          subject: row.subject,
          view,
          cells: heads.map((h) => `TD:${h.code}`),
        });
        cells.forEach((c, k) => expect(Math.abs(c.left - heads[k].left)).toBeLessThanOrEqual(1));
      }
    }
  });
});
