import { expect, test } from '@playwright/test';
import { caseCsvHeader, caseCsvLine, generateCases } from '@efficacy/case-metrics';
import { login } from './support/login';
import { importCases } from './support/api';

// Last in the run on purpose: these imports are the newest, and a page opened without a
// period starts on the newest import's period.
const MONTHS = ['2023-01', '2023-02', '2023-03'];

test.describe('逐月趋势', () => {
  test.beforeAll(async () => {
    // 金凤区's case records for the first quarter of 2023, from the seeded generator.
    const records = generateCases({
      counties: 1,
      months: MONTHS.length,
      seed: 2023,
      start: MONTHS[0],
      casesPerCountyMonth: 400,
      onlyCounties: ['640106'],
    });
    let csv = caseCsvHeader();
    for (const r of records) csv += caseCsvLine(r);
    await importCases(csv, 'jinfeng-2023-q1-cases.csv', '640106');
  });

  test('the overview draws a month-by-month trend from the imported case records', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', '/overview?region=640106&period=2023-01..2023-03');
    await expect(page.getByTestId('overview-heading')).toContainText('金凤区');
    const trend = page.getByTestId('trend-card');
    await expect(trend.locator('canvas, svg').first()).toBeVisible();
    const points = await trend.getAttribute('data-points');
    const values = (points ?? '').split(';').map((p) => p.split('='));
    expect(values.map(([month]) => month)).toEqual(MONTHS);
    // Every month has its own figure, computed from that month's cases.
    for (const [, value] of values) expect(Number(value)).toBeGreaterThan(0);
    await page.screenshot({ path: test.info().outputPath('overview-trend.png'), fullPage: true });
  });
});
