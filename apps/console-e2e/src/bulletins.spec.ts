import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { login } from './support/login';
import { HAOCHAPING, ensureImported } from './support/api';

const PERIOD = '2022-01..2022-08';

test.describe('通报', () => {
  test.beforeAll(async () => {
    await ensureImported(HAOCHAPING);
  });

  test('yinchuan.admin previews the 金凤区 bulletin, saves a draft, publishes it and downloads the docx', async ({
    page,
  }) => {
    await login(page, 'yinchuan.admin', `/bulletins?region=640106&period=${PERIOD}`);
    await page.getByTestId('preview-button').click();
    const preview = page.getByTestId('bulletin-preview');
    await expect(preview.getByTestId('bulletin-title')).toHaveText(
      '金凤区2022年1-8月政务服务运行情况的通报',
    );
    await expect(preview).toContainText('全区线下评价率为98.95%（12009/12136）');
    await expect(preview.locator('[data-indicator="offline_evaluation_rate"]')).toContainText(
      '金凤区残疾人联合会',
    );
    const annex = preview.locator('[data-annex="good-bad-review"]');
    await expect(annex.locator('tr[data-row="合计"]')).toContainText('12009');
    await expect(
      preview.locator('[data-chart="ranking-offline_evaluation_rate"] canvas'),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('bulletin-preview.png'), fullPage: true });

    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' && /\/api\/bulletins$/.test(new URL(r.url()).pathname),
      ),
      page.getByTestId('draft-button').click(),
    ]);
    const id = ((await saved.json()) as { id: string }).id;
    const draft = page.locator(`tr[data-bulletin="${id}"]`);
    await expect(draft).toHaveAttribute('data-status', 'draft');

    // First use: the office's 红头, 落款, 发文字号 prefix and 印发机关, asked for before publishing.
    await page.getByRole('tab', { name: '发文机关设置' }).click();
    await page.getByTestId('office-issuer').fill('金凤区审批服务管理局');
    await page.getByTestId('office-signature').fill('金凤区审批服务管理局');
    await page.getByTestId('office-numberPrefix').fill('金审管');
    await page.getByTestId('office-printedBy').fill('金凤区审批服务管理局办公室');
    await page.getByTestId('office-save').click();
    await expect(page.getByTestId('office-first-run')).toHaveCount(0);

    await draft.getByTestId('publish-button').click();
    await page
      .locator('.ant-popover-buttons .ant-btn-primary, .ant-popconfirm-buttons .ant-btn-primary')
      .click();
    const published = page.locator(`tr[data-bulletin="${id}"]`);
    await expect(published).toHaveAttribute('data-status', 'published');
    await expect(published).toContainText('yinchuan.admin');
    await expect(published.getByTestId('publish-button')).toHaveCount(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      published.getByTestId('download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/金凤区2022年1-8月政务服务运行情况的通报\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('98.95');
    expect(xml).toMatch(/金审管〔\d{4}〕\d+号/);
    expect(xml).toContain('金凤区审批服务管理局办公室');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  test('a county administrator previews and drafts but sees no publish button', async ({
    page,
  }) => {
    await login(page, 'jinfeng.admin', `/bulletins?region=640106&period=${PERIOD}`);
    await page.getByTestId('preview-button').click();
    await expect(page.getByTestId('bulletin-preview')).toContainText('全区线下评价率');
    await page.getByTestId('draft-button').click();
    await expect(
      page.getByTestId('bulletins-table').locator('tr[data-status="draft"]').first(),
    ).toBeVisible();
    await expect(page.getByTestId('publish-button')).toHaveCount(0);
    await expect(page.getByTestId('nav-bulletins')).toBeVisible();
  });
});
