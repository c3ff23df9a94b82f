import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { isAdapterError } from '@efficacy/plugin-sdk';
import type { ParseContext, SourceFile } from '@efficacy/plugin-sdk';
import { buildXlsx, describeConformance } from '@efficacy/plugin-sdk/testing';

import { henanAdapter } from './henan.adapter';
import { ANNEX_KINDS, COMBINED_ANNEXES_KIND } from './mappings/annexes';

const fixtures = join(__dirname, '..', 'test-fixtures');
const OK = join(fixtures, 'ok');

// One test per file in test-fixtures/ok (exact golden output) and test-fixtures/not-ok
// (expected error code and location); see libs/plugin-sdk/README.md.
describeConformance(henanAdapter, fixtures);

function fixture(name: string): SourceFile {
  return { name, bytes: new Uint8Array(readFileSync(join(OK, name))) };
}

async function errorOf(file: SourceFile, context: ParseContext): Promise<string> {
  try {
    await henanAdapter.parse(file, context);
  } catch (error) {
    if (isAdapterError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error(`${file.name} parsed, but was expected to fail`);
}

describe('henan detection', () => {
  const singles = [
    ['yindu-2023-06-annex1-contactless-immediate.xlsx', 'contactless-immediate-items'],
    ['yindu-2023-06-annex2-time-limit-compression.xlsx', 'time-limit-compression'],
    ['yindu-2023-06-annex3-e-licences.xlsx', 'e-licence-production'],
    ['yindu-2023-06-annex4-data-catalogues.xlsx', 'data-catalogues'],
    ['yindu-2023-06-annex5-internet-plus-supervision.xlsx', 'internet-plus-supervision'],
    ['yindu-2023-06-annex6-case-volumes.xlsx', 'case-volume-sources'],
    ['yindu-2023-06-annex7-online-service-audit.xlsx', 'online-service-audit'],
    ['yindu-2023-06-annex8-hall-attendance.xlsx', 'hall-staff-attendance'],
  ] as const;

  it.each(singles)('recognises %s as %s with its whole header and title', async (name, kind) => {
    const detected = await henanAdapter.detect(fixture(name));
    expect(detected.reportKind).toBe(kind);
    expect(detected.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises a workbook of several annex sheets as the combined kind', async () => {
    const detected = await henanAdapter.detect(fixture('yindu-2023-06-annexes-combined.xlsx'));
    expect(detected).toMatchObject({ reportKind: COMBINED_ANNEXES_KIND });
    expect(detected.confidence).toBeGreaterThanOrEqual(0.9);
    expect(detected.reason).toContain('8 annex tables');
  });

  it("does not claim the other provinces' fixtures", async () => {
    const others = ['ningxia', 'sichuan', 'gansu']
      .map((province) => join(__dirname, '..', '..', province, 'test-fixtures', 'ok'))
      .filter((dir) => existsSync(dir))
      .flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => /\.(xlsx|csv)$/.test(name))
          .map((name) => join(dir, name)),
      );
    expect(others.length).toBeGreaterThan(0);
    for (const path of others) {
      const name = path.split(/[\\/]/).pop() as string;
      const detected = await henanAdapter.detect({
        name,
        bytes: new Uint8Array(readFileSync(path)),
      });
      expect({ name, claimed: detected.confidence >= 0.5 }).toEqual({ name, claimed: false });
    }
  });

  it('stays below 0.7 for an annex layout whose title names no Henan region', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['金凤区不见面审批、即办件情况统计表'],
          ['序号', '单位', '事项总数', '不见面审批事项占比', '即办件事项数', '即办件事项占比'],
          [1, '审批局', 10, '100.00%', 5, '50.00%'],
        ],
      },
    ]);
    const detected = await henanAdapter.detect({ name: 'jinfeng.xlsx', bytes });
    expect(detected.confidence).toBeLessThanOrEqual(0.6);
    expect(detected.reason).toContain('names no Henan region');
  });

  it('never throws on unreadable input', async () => {
    const detected = await henanAdapter.detect({
      name: 'x.xlsx',
      bytes: new Uint8Array([1, 2, 3]),
    });
    expect(detected.confidence).toBe(0);
  });
});

describe('henan parse context', () => {
  const combined = 'yindu-2023-06-annexes-combined.xlsx';

  it('reads only the chosen annex of a combined workbook and names the sheets left out', async () => {
    const batch = await henanAdapter.parse(fixture(combined), {
      reportKind: 'time-limit-compression',
    });
    expect(batch.reportKind).toBe('time-limit-compression');
    expect(new Set(batch.measures.map((r) => r.provenance.sheet))).toEqual(new Set(['附件2']));
    expect(
      batch.warnings.filter((w) => w.code === 'SHEET_NOT_READ').map((w) => w.provenance?.sheet),
    ).toEqual(['附件1', '附件3', '附件4', '附件5', '附件6', '附件7', '附件8']);
  });

  it('refuses a report kind that is not in the manifest, listing the ones it has', async () => {
    const message = await errorOf(fixture(combined), { reportKind: 'good-bad-review' });
    expect(message).toMatch(/^UNKNOWN_REPORT_KIND: /);
    for (const annex of ANNEX_KINDS) expect(message).toContain(annex.reportKind);
  });

  it('takes the region from the upload when the title names none', async () => {
    const file = {
      name: 'annex1.xlsx',
      bytes: new Uint8Array(
        readFileSync(join(fixtures, 'not-ok', 'yindu-annex1-no-region-in-title.xlsx')),
      ),
    };
    const batch = await henanAdapter.parse(file, { period: '2023-06', regionCode: '410505' });
    expect(batch.regionCode).toBe('410505');
    expect(batch.totals[0]).toMatchObject({ kind: 'total', label: '合计' });
  });

  it('prefers the title over the upload for region and period, and says so', async () => {
    const batch = await henanAdapter.parse(
      fixture('yindu-2023-06-annex2-time-limit-compression.xlsx'),
      { period: '2023-05', regionCode: '410506' },
    );
    expect(batch.regionCode).toBe('410505');
    expect(batch.period).toBe('2023-06');
    expect(batch.warnings.map((w) => w.code)).toEqual([
      'REGION_DIFFERS_FROM_CONTEXT',
      'PERIOD_DIFFERS_FROM_CONTEXT',
    ]);
  });

  it('refuses a region code that is not GB/T 2260', async () => {
    const message = await errorOf(fixture('yindu-2023-06-annex2-time-limit-compression.xlsx'), {
      regionCode: 'yindu',
    });
    expect(message).toMatch(/^BAD_CONTEXT: .*"yindu"/);
  });
});
