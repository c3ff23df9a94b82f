import { expect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { login } from './support/login';
import { HAOCHAPING, api, ensureImported } from './support/api';

const PERIOD = '2022-01..2022-08';

function sheet(workbook: Workbook, name: string) {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`the export has no sheet "${name}"`);
  return found;
}

test.describe('地区与单位详情', () => {
  test.beforeAll(async () => {
    await ensureImported(HAOCHAPING);
  });

  test('yinchuan.admin drills from 银川市 into 金凤区 and a department, with targets, gaps and ranks', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/detail/region/640100?period=${PERIOD}`);
    await expect(page.getByTestId('detail-title')).toHaveText('银川市');
    await page
      .getByTestId('children-card')
      .locator('tr[data-subject="640106"]')
      .getByTestId('drill')
      .click();

    await expect(page.getByTestId('detail-title')).toHaveText('金凤区');
    await expect(page.getByTestId('breadcrumb')).toContainText('银川市');
    const rate = page
      .getByTestId('indicator-table')
      .locator('tr[data-indicator="offline_evaluation_rate"]');
    // The figure with its coverage: 烟草专卖局 is the one unit of 17 without a figure.
    await expect(rate.getByTestId('value')).toHaveText('98.95% 17 个单位中 16 个已报送');
    await expect(rate.locator('[data-status="met"]')).toHaveText('达标');
    await expect(rate.getByTestId('target')).toHaveText('≥ 98.5%');
    await expect(rate.getByTestId('target-origin')).toContainText('继承自银川市');
    await expect(rate.getByTestId('rank')).toContainText('1');
    await page.screenshot({ path: test.info().outputPath('detail-jinfeng.png'), fullPage: true });

    // Down to a department: 审批服务管理局 5769/5835 = 98.87.
    await page
      .getByTestId('children-card')
      .locator('tr[data-subject="640106:spj"]')
      .getByTestId('drill')
      .click();
    await expect(page).toHaveURL(/\/detail\/unit\/640106:spj/);
    await expect(page.getByTestId('detail-title')).toHaveText('金凤区审批服务管理局');
    await expect(page.getByTestId('breadcrumb')).toContainText('金凤区');
    const spj = page
      .getByTestId('indicator-table')
      .locator('tr[data-indicator="offline_evaluation_rate"]');
    await expect(spj.getByTestId('value')).toHaveText('98.87%');
    await expect(spj.getByTestId('rank')).toContainText('8');
    await page.screenshot({
      path: test.info().outputPath('detail-department.png'),
      fullPage: true,
    });
  });

  test('explaining a number shows the formula, its version and the cells it was read from', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/detail/unit/640106:spj?period=${PERIOD}`);
    await page
      .getByTestId('indicator-table')
      .locator('tr[data-indicator="offline_evaluation_rate"]')
      .getByTestId('explain')
      .click();
    const drawer = page.getByTestId('explain-drawer');
    await expect(drawer.getByTestId('explain-value')).toHaveText('98.87%');
    await expect(drawer.getByTestId('explain-formula')).toContainText(
      '线下评价数 ÷ 线下办件数 × 100',
    );
    await expect(drawer.getByTestId('explain-version')).toContainText('第 1 版');
    await expect(drawer.getByTestId('explain-fraction')).toHaveText('5,769 ÷ 5,835');
    await expect(drawer.getByTestId('explain-cell').first()).toContainText('附件2 · F4');
    await page.screenshot({ path: test.info().outputPath('explain.png'), animations: 'disabled' });
  });

  test('the xlsx export holds the printed figures in the bulletin annex layout', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/detail/region/640106?period=${PERIOD}`);
    await expect(page.getByTestId('detail-title')).toHaveText('金凤区');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('金凤区2022年1-8月政务服务效能指标.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const annex = sheet(workbook, '附件');
    expect(String(annex.getCell('A1').value)).toBe('金凤区2022年1-8月政务服务效能指标完成情况');
    const header = (annex.getRow(2).values as unknown[]).map(String);
    const column = header.indexOf('线下参评率（%）');
    expect(column).toBeGreaterThan(0);
    const rows: Record<string, unknown> = {};
    annex.eachRow((row) => {
      const values = row.values as unknown[];
      const name = String(values[2]);
      rows[name] = values[column];
    });
    expect(rows['金凤区审批服务管理局']).toBe(98.87);
    expect(rows['金凤区残疾人联合会']).toBe(53.03);
    expect(rows['银川市公安局金凤区分局']).toBe('/');
    expect(rows['合计']).toBe(98.95);

    // The file left the system through the audit log.
    const audit = await api<Array<{ action: string; actor: string; after: { fileName?: string } }>>(
      'yinchuan.admin',
      '/audit?limit=50',
    );
    const entry = audit.find((e) => e.action === 'assessment.export');
    expect(entry?.actor).toBe('yinchuan.admin');
    expect(entry?.after.fileName).toBe(download.suggestedFilename());
  });
});
