import { join } from 'node:path';

import { ADAPTER_REGISTRY, createAdapterRegistry } from '@efficacy/adapter-registry';

import { runCli } from '../main';
import { previewFile } from './preview';
import type { PreviewResult } from './preview';

const root = join(__dirname, '..', '..', '..', '..');
const ningxia = join(root, 'plugins', 'ningxia', 'test-fixtures');
const ok = (name: string) => join(ningxia, 'ok', name);
const notOk = (name: string) => join(ningxia, 'not-ok', name);

interface Run {
  code: number;
  stdout: string;
  stderr: string[];
}

/** Runs `efficacy preview …` in process, as `npm run efficacy -- preview …` would. */
async function preview(...args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout.push(parts.join(' '));
  });
  const error = jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr.push(parts.join(' '));
  });
  try {
    const code = await runCli(['node', 'efficacy', 'preview', ...args]);
    return { code, stdout: stdout.join('\n'), stderr };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('efficacy preview', () => {
  it('shows the Jinfeng annex 2 as the bulletin prints it: 98.95 for the district, 98.87 for 审批局', async () => {
    const run = await preview(ok('jinfeng-2022-01to08-annex2-haochaping.xlsx'));
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'adapter     ningxia 1.0.0: 宁夏回族自治区 Ningxia (640000), detected',
    );
    expect(run.stdout).toContain('report kind good-bad-review: 各单位“好差评”情况');
    expect(run.stdout).toContain('period      2022-01..2022-08');
    expect(run.stdout).toContain('region      640106');
    // The batch table: units × measures, the 合计 row kept as a total.
    expect(run.stdout).toMatch(/合计 \(total, row 20\)\s+47903\s+35767\s+12136\s+12009/);
    expect(run.stdout).toMatch(/国家税务总局银川市金凤区税务局\s+6196\s+6196\s+0\s+\//);
    // Derived by the indicator model beside the printed figure.
    expect(run.stdout).toMatch(
      /640106 \(region\)\s+98\.95\s+98\.95\s+summed over the units; 12009 \/ 12136/,
    );
    expect(run.stdout).toMatch(/审批局\s+98\.87\s+98\.87\s+5769 \/ 5835/);
    expect(run.stdout).toMatch(
      /丰登镇民生服务中心\s+96\.32\s+96\.31\s+differs by -0\.01; truncating gives the printed figure/,
    );
    // Satisfaction is printed only: no counts, so no basis and no derived figure.
    expect(run.stdout).toMatch(/640106 \(region\)\s+\(no counts\)\s+100\n/);
    expect(run.stdout).toContain(
      'RATE_MISMATCH  jinfeng-2022-01to08-annex2-haochaping.xlsx, sheet "附件2", row 13, column G (线下参评率 (%))',
    );
  });

  it('shows the district item coverage 472 / 1681 = 28.08 beside the printed 28.08%', async () => {
    const run = await preview(ok('jinfeng-2022-01to08-annex1-coverage.xlsx'));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /640106 \(region\)\s+28\.08\s+28\.08%\s+from the total row; 472 \/ 1681/,
    );
    expect(run.stdout).toMatch(/审批服务管理局\s+\(no counts\)\s+95\.36%/);
  });

  it('prints the whole preview as JSON with --json', async () => {
    const run = await preview(ok('jinfeng-2022-01to08-annex2-haochaping.gb18030.csv'), '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PreviewResult;
    expect(result.adapter).toMatchObject({ id: 'ningxia', chosen: 'detected' });
    expect(result.detection).toMatchObject({ reportKind: 'good-bad-review', confidence: 1 });
    expect(result.batch.totals[0]?.label).toBe('合计');
    const district = result.indicators.find(
      (c) => c.indicator === 'offline_evaluation_rate' && c.subject.kind === 'region',
    );
    expect(district?.derived).toMatchObject({ value: 98.95, numerator: 12009, denominator: 12136 });
    expect(district?.printed).toMatchObject({ value: 98.95, raw: '98.95' });
    expect(result.warnings.map((w) => [w.code, w.source])).toEqual([['RATE_MISMATCH', 'adapter']]);
  });

  it('uses the adapter named with --adapter', async () => {
    const run = await preview(ok('lingwu-2022-h1-channels.xlsx'), '--adapter', 'ningxia');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('chosen with --adapter');
    expect(run.stdout).toContain('region      640181');
  });

  it('refuses a bad file with exit code 2 and one message naming file, sheet, row and column', async () => {
    const run = await preview(notOk('jinfeng-annex2-letter-o-in-number.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toEqual([
      'efficacy: jinfeng-annex2-letter-o-in-number.xlsx, sheet "附件2", row 20, column F (线下评价数): "12O09" is not a number',
    ]);
  });

  it("explains a half-recognised file with the closest adapter's error", async () => {
    // Only Ningxia in the registry, so other provinces' detection cannot change the closest.
    const only = createAdapterRegistry([ADAPTER_REGISTRY.require('ningxia')]);
    const file = notOk('jinfeng-annex2-missing-offline-evaluated-column.xlsx');
    await expect(previewFile(file, { json: true }, only)).rejects.toMatchObject({
      exitCode: 2,
      message:
        'jinfeng-annex2-missing-offline-evaluated-column.xlsx, sheet "附件2", row 3: the header (row 3) has no column "线下评价数" (read with ningxia, the closest adapter at confidence 0.39)',
    });
  });

  it('says so when no adapter recognises the file', async () => {
    const run = await preview(notOk('random-bytes.xlsx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toMatch(
      /^efficacy: random-bytes\.xlsx: no adapter recognises this file .*choose one with --adapter <id> \(known: .*ningxia/,
    );
  });

  it('names the known adapters for an unknown --adapter, and the path of a missing file', async () => {
    const unknown = await preview(
      ok('jinfeng-2022-01to08-annex2-haochaping.xlsx'),
      '--adapter',
      'nope',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr[0]).toMatch(
      /^efficacy: no adapter "nope" is registered \(known: .*ningxia/,
    );
    const missing = await preview(join(ningxia, 'ok', 'no-such-file.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toEqual([
      `efficacy: cannot read ${join(ningxia, 'ok', 'no-such-file.xlsx')}: no such file`,
    ]);
  });
});
