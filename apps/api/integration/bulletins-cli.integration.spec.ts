import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { cliRunner, REPO_ROOT } from './support/cli';
import { startTestApp, type TestApp } from './support/test-app';

/** `npm run efficacy -- bulletin`: the files of a bulletin, written for the logged-in user. */
describe('command line: bulletin', () => {
  let t: TestApp;
  let configDir: string;
  let outDir: string;
  let cli: ReturnType<typeof cliRunner>;
  const annex2 = join(
    REPO_ROOT,
    'plugins/ningxia/test-fixtures/ok/jinfeng-2022-01to08-annex2-haochaping.xlsx',
  );

  beforeAll(async () => {
    t = await startTestApp();
    configDir = mkdtempSync(join(tmpdir(), 'efficacy-cli-'));
    outDir = mkdtempSync(join(tmpdir(), 'efficacy-bulletin-out-'));
    cli = cliRunner(t.baseUrl, configDir);
    expect((await cli('login', 'jinfeng.admin')).code).toBe(0);
    const imported = await cli('import', annex2);
    expect(imported.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(configDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the .docx and .xlsx of the 金凤区 bulletin and prints its headline figures', async () => {
    const dir = join(outDir, 'jinfeng');
    const { code, out } = await cli(
      'bulletin',
      '--region',
      '640106',
      '--period',
      '2022-01..2022-08',
      '--out',
      dir,
    );
    expect(code).toBe(0);
    expect(out).toContain('金凤区2022年1-8月政务服务运行情况的通报');
    expect(out).toMatch(/线下参评率 98\.95%\s+目标 >= 98\.5% ✓/);
    // Without --save nothing is saved: the files are a preview.
    expect(out).toContain('(preview, not saved: add --save)');
    expect(readdirSync(dir).sort()).toEqual([
      '金凤区-2022-01..2022-08-通报-预览.docx',
      '金凤区-2022-01..2022-08-通报-预览.xlsx',
    ]);
    const zip = await JSZip.loadAsync(
      readFileSync(join(dir, '金凤区-2022-01..2022-08-通报-预览.docx')),
    );
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('线下评价率为98.95%');
  }, 180_000);

  it('saves a draft when asked with --save', async () => {
    const dir = join(outDir, 'jinfeng');
    const saved = await cli(
      'bulletin',
      '--region',
      '640106',
      '--period',
      '2022-01..2022-08',
      '--out',
      dir,
      '--formats',
      'xlsx',
      '--save',
    );
    expect(saved.code).toBe(0);
    expect(saved.out).toContain('(draft)');
    expect(readdirSync(dir)).toContain('金凤区-2022-01..2022-08-通报-草稿.xlsx');
  }, 180_000);

  it('refuses a period without imported data, exiting non-zero with the reason', async () => {
    const empty = await cli(
      'bulletin',
      '--region',
      '640106',
      '--period',
      '2030-01',
      '--out',
      join(outDir, 'empty'),
    );
    expect(empty.code).toBe(1);
    expect(empty.out).toContain('HTTP 422');
    expect(empty.out).toContain('no figures have been imported for 金凤区 (640106) in 2030-01');
    expect(existsSync(join(outDir, 'empty'))).toBe(false);
  }, 60_000);

  it("refuses another county and a county administrator's --publish with one sentence", async () => {
    const other = await cli(
      'bulletin',
      '--region',
      '640181',
      '--period',
      '2022-H1',
      '--out',
      outDir,
    );
    expect(other.code).toBe(1);
    expect(other.out).toContain('region "640181" not found');
    const publish = await cli(
      'bulletin',
      '--region',
      '640106',
      '--period',
      '2022-01..2022-08',
      '--out',
      join(outDir, 'never'),
      '--publish',
    );
    expect(publish.code).toBe(1);
    expect(publish.out).toMatch(/publish failed \(HTTP 403\)/);
    expect(existsSync(join(outDir, 'never'))).toBe(false);
    const bad = await cli(
      'bulletin',
      '--region',
      '640106',
      '--period',
      '2022-01..2022-08',
      '--out',
      outDir,
      '--formats',
      'odt',
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('odt is not a format');
  }, 120_000);
});
