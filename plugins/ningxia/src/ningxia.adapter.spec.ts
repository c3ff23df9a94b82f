import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { NormalisedBatch, ParseContext, TotalRecord, ValueState } from '@efficacy/plugin-sdk';
import { buildXlsx, describeConformance } from '@efficacy/plugin-sdk/testing';

import { ningxiaAdapter } from './ningxia.adapter';

const fixtures = join(__dirname, '..', 'test-fixtures');

// One test per file in test-fixtures/ok (exact golden output) and test-fixtures/not-ok
// (expected error code and location); see libs/plugin-sdk/README.md.
describeConformance(ningxiaAdapter, fixtures);

const ANNEX_2 = 'jinfeng-2022-01to08-annex2-haochaping.xlsx';
const ANNEX_2_CSV = 'jinfeng-2022-01to08-annex2-haochaping.gb18030.csv';
const ANNEX_2_FORMULAS = 'jinfeng-2022-01to08-annex2-haochaping-formula-totals.xlsx';

function okFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(join(fixtures, 'ok', name))) };
}

function parseOk(name: string, context?: ParseContext): Promise<NormalisedBatch> {
  return ningxiaAdapter.parse(okFile(name), context);
}

function number(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function totalOf(batch: NormalisedBatch, label = '合计'): TotalRecord {
  const total = batch.totals.find((row) => row.label === label);
  if (!total) throw new Error(`no ${label} row in ${batch.source.fileName}`);
  return total;
}

function totalValue(total: TotalRecord, code: string, period?: string): ValueState | undefined {
  return total.values.find((value) => value.code === code && value.period === period)?.value;
}

function unitValue(batch: NormalisedBatch, unit: string, code: string): ValueState | undefined {
  return (
    batch.measures.find((m) => m.unitName === unit && m.measure === code)?.value ??
    batch.indicators.find((i) => i.unitName === unit && i.indicator === code)?.value
  );
}

describe('Jinfeng annex 2 (好差评), as printed', () => {
  it.each([ANNEX_2, ANNEX_2_CSV, ANNEX_2_FORMULAS])(
    '%s: keeps 合计 as a total of 12136 offline cases, 12009 evaluated, printed 98.95',
    async (name) => {
      const batch = await parseOk(name);
      expect(batch.reportKind).toBe('good-bad-review');
      expect(batch.period).toBe('2022-01..2022-08');
      expect(batch.regionCode).toBe('640106');
      const total = totalOf(batch);
      expect(total.kind).toBe('total');
      expect(number(totalValue(total, 'cases'))).toBe(47903);
      expect(number(totalValue(total, 'cases.online'))).toBe(35767);
      expect(number(totalValue(total, 'cases.offline'))).toBe(12136);
      expect(number(totalValue(total, 'cases.offline.evaluated'))).toBe(12009);
      expect(totalValue(total, 'offline_evaluation_rate')).toMatchObject({
        value: 98.95,
        raw: '98.95',
        decimals: 2,
      });
      // The total is not a unit: it covers the 16 unit rows and is never ranked.
      expect(total.covers).toHaveLength(16);
      expect(batch.measures.some((m) => m.unitName === '合计')).toBe(false);
      expect(new Set(batch.measures.map((m) => m.unitName)).size).toBe(16);
    },
  );

  it('reads 审批局 5769 of 5835 offline cases evaluated, printed 98.87', async () => {
    const batch = await parseOk(ANNEX_2);
    expect(number(unitValue(batch, '审批局', 'cases.offline.evaluated'))).toBe(5769);
    expect(number(unitValue(batch, '审批局', 'cases.offline'))).toBe(5835);
    expect(number(unitValue(batch, '审批局', 'offline_evaluation_rate'))).toBe(98.87);
  });

  it('keeps "/" as not connected, never as 0', async () => {
    const batch = await parseOk(ANNEX_2);
    const notConnected = batch.measures
      .filter((m) => m.measure === 'cases.offline.evaluated' && m.value.status === 'not_connected')
      .map((m) => m.unitName);
    expect(notConnected).toEqual([
      '国家税务总局银川市金凤区税务局',
      '金凤区就业创业和人才服务中心',
      '金凤区社会保险和事业管理局',
      '银川市公安局金凤区分局',
      '银川市市场监督管理局金凤区分局',
    ]);
    expect(unitValue(batch, '银川市公安局金凤区分局', 'offline_evaluation_rate')).toEqual({
      status: 'not_connected',
      raw: '/',
    });
  });

  it('flags 丰登镇 96.31, the one truncated rate, and no other', async () => {
    const batch = await parseOk(ANNEX_2);
    expect(batch.warnings.map((w) => [w.code, w.provenance?.row, w.provenance?.column])).toEqual([
      ['RATE_MISMATCH', 13, 'G'],
    ]);
    expect(batch.warnings[0]?.message).toContain(
      'is printed 96.31, but 366 / 380 gives 96.315789…, rounded half-up to 96.32; truncating gives the printed figure',
    );
  });

  it('reads the same figures from the xlsx, the GB18030 csv and the formula-totals variant', async () => {
    const strip = (batch: NormalisedBatch) =>
      batch.measures.map((m) => [m.unitName, m.measure, m.value, m.provenance.row]);
    const xlsx = await parseOk(ANNEX_2);
    expect(strip(await parseOk(ANNEX_2_CSV))).toEqual(strip(xlsx));
    const formulas = await parseOk(ANNEX_2_FORMULAS);
    expect(strip(formulas)).toEqual(strip(xlsx));
    expect(totalOf(formulas).values.map((v) => v.value)).toEqual(
      totalOf(xlsx).values.map((v) => v.value),
    );
    expect(formulas.warnings.map((w) => w.code)).toEqual(['RATE_MISMATCH']);
  });
});

describe('Jinfeng annexes 1, 3, 4 and 5 (defined from the text)', () => {
  it('annex 1: 472 of 1681 items have cases, printed 28.08%; unit counts stay missing', async () => {
    const batch = await parseOk('jinfeng-2022-01to08-annex1-coverage.xlsx');
    const total = totalOf(batch);
    expect(number(totalValue(total, 'items'))).toBe(1681);
    expect(number(totalValue(total, 'items.with_cases'))).toBe(472);
    expect(number(totalValue(total, 'items.with_cases.approval'))).toBe(370);
    expect(number(totalValue(total, 'items.with_cases.convenience'))).toBe(102);
    expect(totalValue(total, 'item_coverage')).toMatchObject({ value: 28.08, raw: '28.08%' });
    expect(unitValue(batch, '审批服务管理局', 'items')).toEqual({ status: 'missing', raw: '' });
    expect(number(unitValue(batch, '审批服务管理局', 'item_coverage'))).toBe(95.36);
    expect(batch.warnings).toEqual([]);
  });

  it('annex 3: the 2020 and 2021 totals keep their own years beside the 2022 figure', async () => {
    const batch = await parseOk('jinfeng-2022-01to08-annex3-e-licences.xlsx');
    const total = totalOf(batch);
    expect(number(totalValue(total, 'elicence.records_added', '2020'))).toBe(46356);
    expect(number(totalValue(total, 'elicence.records_added', '2021'))).toBe(54098);
    expect(number(totalValue(total, 'elicence.records_added'))).toBe(15870);
    expect(totalValue(total, 'elicence_growth', '2021')).toMatchObject({
      value: 16.7,
      decimals: 1,
    });
    expect(number(totalValue(total, 'elicence.types_bound'))).toBe(46);
    expect(number(totalValue(total, 'elicence.types_with_records'))).toBe(36);
    expect(batch.warnings.map((w) => w.code)).toEqual(['NO_UNIT_ROWS']);
  });

  it('annex 4: 2808 overdue = 2779 finished late + 29 unfinished, printed 5.86%', async () => {
    const total = totalOf(await parseOk('jinfeng-2022-01to08-annex4-overdue.xlsx'));
    expect(number(totalValue(total, 'cases'))).toBe(47903);
    expect(number(totalValue(total, 'cases.finished_normal'))).toBe(45095);
    expect(number(totalValue(total, 'cases.overdue'))).toBe(2808);
    expect(number(totalValue(total, 'cases.finished_late'))).toBe(2779);
    expect(number(totalValue(total, 'cases.unfinished_late'))).toBe(29);
    expect(number(totalValue(total, 'overdue_rate'))).toBe(5.86);
  });

  it('annex 5: 151 failed pre-reviews = 37 approval + 114 convenience system', async () => {
    const total = totalOf(await parseOk('jinfeng-2022-01to08-annex5-failed-prereview.xlsx'));
    expect(number(totalValue(total, 'cases.pre_review_rejected'))).toBe(151);
    expect(number(totalValue(total, 'cases.pre_review_rejected.approval_system'))).toBe(37);
    expect(number(totalValue(total, 'cases.pre_review_rejected.convenience_system'))).toBe(114);
  });
});

describe('Lingwu 2022 H1', () => {
  it('channels: 万件 become cases, the shares stay as printed, 窗口 + 乡镇 against 合计 is flagged', async () => {
    const batch = await parseOk('lingwu-2022-h1-channels.xlsx');
    expect(batch.period).toBe('2022-H1');
    expect(batch.regionCode).toBe('640181');
    expect(batch.measures).toEqual([]);
    const window = totalOf(batch, '窗口办件');
    expect(totalValue(window, 'cases.channel.window')).toEqual({
      status: 'number',
      value: 306000,
      unit: 'count',
      decimals: 0,
      raw: '30.6',
    });
    expect(number(totalValue(window, 'channel_share.window'))).toBe(88);
    expect(number(totalValue(totalOf(batch, '掌上办办件'), 'channel_share.mobile'))).toBe(3.3);
    expect(number(totalValue(totalOf(batch), 'cases'))).toBe(349000);
    expect(batch.warnings.map((w) => w.code)).toEqual(['CHANNEL_SUM_MISMATCH']);
    expect(batch.warnings[0]?.message).toContain(
      '= 34.92 万件, but the total is printed 34.9 万件',
    );
  });

  it('overdue unfinished cases per township: 8 townships, 郝家桥镇 125', async () => {
    const batch = await parseOk('lingwu-2022-h1-overdue-by-township.xlsx');
    expect(batch.measures.map((m) => [m.unitName, number(m.value)])).toEqual([
      ['郝家桥镇', 125],
      ['崇兴镇', 97],
      ['梧桐树乡', 86],
      ['白土岗乡', 35],
      ['东塔镇', 28],
      ['马家滩镇', 22],
      ['临河镇', 9],
      ['街道办', 3],
    ]);
    expect(batch.totals).toEqual([]);
  });

  it('evaluations: 25477 = 2982 online + 22495 offline, for the city itself', async () => {
    const batch = await parseOk('lingwu-2022-h1-evaluations.xlsx');
    const city = totalOf(batch, '灵武市');
    expect(number(totalValue(city, 'evaluations'))).toBe(25477);
    expect(number(totalValue(city, 'evaluations.online'))).toBe(2982);
    expect(number(totalValue(city, 'evaluations.offline'))).toBe(22495);
    expect(number(totalValue(city, 'evaluation_rate'))).toBe(95.58);
    expect(number(totalValue(city, 'satisfaction'))).toBe(99.9);
    expect(number(totalValue(city, 'bad_review_rectification_rate'))).toBe(100);
    expect(batch.measures).toEqual([]);
    expect(batch.warnings).toEqual([]);
  });
});

describe('region and report kind', () => {
  const header = [
    '序号',
    '单位/部门',
    '办件量',
    '线上办件数',
    '线下办件数',
    '线下评价数',
    '线下参评率 (%)',
    '满意度 (%)',
  ];
  const body = [
    [1, '审批局', 5867, 32, 5835, 5769, 98.87, 100],
    ['合计', null, 5867, 32, 5835, 5769, 98.87, 100],
  ];

  it('takes the region from the file name when the title names none', async () => {
    const bytes = await buildXlsx([
      { name: '附件2', rows: [['2022年1-8月各单位“好差评”情况'], header, ...body] },
    ]);
    const batch = await ningxiaAdapter.parse({ name: 'lingwu-haochaping.xlsx', bytes });
    expect(batch.regionCode).toBe('640181');
  });

  it('uses the upload context when neither title nor file name names a region', async () => {
    const bytes = await buildXlsx([
      { name: '附件2', rows: [['2022年1-8月各单位“好差评”情况'], header, ...body] },
    ]);
    await expect(ningxiaAdapter.parse({ name: 'export.xlsx', bytes })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
      message: expect.stringContaining('export.xlsx: neither the title nor the file name'),
    });
    const batch = await ningxiaAdapter.parse(
      { name: 'export.xlsx', bytes },
      { regionCode: '640104' },
    );
    expect(batch.regionCode).toBe('640104');
    expect(batch.warnings).toEqual([]);
  });

  it('prefers the region the title names over the upload context, and says so', async () => {
    const batch = await parseOk(ANNEX_2, { regionCode: '640181' });
    expect(batch.regionCode).toBe('640106');
    expect(batch.warnings.map((w) => w.code)).toContain('REGION_CONTEXT_IGNORED');
  });

  it('refuses a report kind it does not know, and names the ones it reads', async () => {
    await expect(parseOk(ANNEX_2, { reportKind: 'licences' })).rejects.toMatchObject({
      code: 'UNKNOWN_REPORT_KIND',
      message: expect.stringContaining('it reads: good-bad-review, item-coverage, e-licences'),
    });
  });

  it('reads a file as the explicitly chosen report kind, and says what is missing', async () => {
    await expect(parseOk(ANNEX_2, { reportKind: 'overdue' })).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
    });
  });

  it('detects each report kind from its own fixture', async () => {
    const expected: Array<[string, string]> = [
      ['jinfeng-2022-01to08-annex1-coverage.xlsx', 'item-coverage'],
      [ANNEX_2, 'good-bad-review'],
      ['jinfeng-2022-01to08-annex3-e-licences.xlsx', 'e-licences'],
      ['jinfeng-2022-01to08-annex4-overdue.xlsx', 'overdue'],
      ['jinfeng-2022-01to08-annex5-failed-prereview.xlsx', 'failed-pre-review'],
      ['lingwu-2022-h1-channels.xlsx', 'case-channels'],
      ['lingwu-2022-h1-overdue-by-township.xlsx', 'township-overdue'],
      ['lingwu-2022-h1-evaluations.xlsx', 'evaluation-summary'],
    ];
    for (const [name, kind] of expected) {
      const detected = await ningxiaAdapter.detect(okFile(name));
      expect([name, detected.reportKind, detected.confidence >= 0.9]).toEqual([name, kind, true]);
    }
  });
});
