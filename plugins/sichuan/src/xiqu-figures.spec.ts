import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { INDICATOR_DEFINITIONS, isMeasureCode } from '@efficacy/indicator-model';
import { isAdapterError, reconcileTotals } from '@efficacy/plugin-sdk';
import type {
  IndicatorRecord,
  MeasureRecord,
  NormalisedBatch,
  ParseContext,
  TableSpec,
  ValueState,
} from '@efficacy/plugin-sdk';
import { buildXlsx } from '@efficacy/plugin-sdk/testing';

import { hallWindowCasesTable } from './mappings/hall-window-cases';
import { onlineServiceCapabilityTable } from './mappings/online-service-capability';
import { reportSummaryTable } from './mappings/report-summary';
import { serviceCentreCasesTable } from './mappings/service-centre-cases';
import { sichuanAdapter } from './sichuan.adapter';

// Figures a supervisor reading the Xiqu September 2022 report would check first. The
// golden files pin every value; these say which ones matter and why.

const OK = join(__dirname, '..', 'test-fixtures', 'ok');
const ANNEX1 = 'xiqu-2022-09-annex1-online-service-capability.xlsx';
const ANNEX2 = 'xiqu-2022-09-annex2-hall-windows.xlsx';
const ANNEX3 = 'xiqu-2022-09-annex3-service-centres.xlsx';
const ANNEX3_CSV = 'xiqu-2022-09-annex3-service-centres.gb18030.csv';
const SUMMARY = 'xiqu-2022-09-report-summary.xlsx';
const YEAR_TO_DATE = '2022-01..2022-09';

function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(join(OK, name))) };
}

function parse(name: string, context: ParseContext): Promise<NormalisedBatch> {
  return sichuanAdapter.parse(fixture(name), context);
}

async function parseError(
  name: string,
  context: ParseContext,
): Promise<{ code: string; message: string }> {
  try {
    await parse(name, context);
  } catch (error) {
    if (isAdapterError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${name} parsed, but was expected to fail`);
}

function measure(
  batch: NormalisedBatch,
  unit: string,
  code: string,
  period?: string,
): MeasureRecord | undefined {
  return batch.measures.find(
    (r) => r.unitName === unit && r.measure === code && r.period === period,
  );
}

function indicator(
  batch: NormalisedBatch,
  unit: string,
  code: string,
  period?: string,
): IndicatorRecord | undefined {
  return batch.indicators.find(
    (r) => r.unitName === unit && r.indicator === code && r.period === period,
  );
}

function numberOf(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function sum(records: readonly MeasureRecord[]): number {
  return records.reduce((total, r) => total + (numberOf(r.value) ?? 0), 0);
}

describe('附件1 “一网通办”能力提升工作情况 (Xiqu, September 2022)', () => {
  let batch: NormalisedBatch;
  beforeAll(async () => {
    batch = await parse(ANNEX1, { year: 2022, regionCode: '510403' });
  });

  it('takes the month from the title and the year from the upload; 累计 columns are year to date', () => {
    expect(batch.period).toBe('2022-09');
    expect(batch.regionCode).toBe('510403');
    expect(measure(batch, '区民政局', 'cases')?.value).toMatchObject({ value: 152 });
    expect(measure(batch, '区民政局', 'cases', YEAR_TO_DATE)?.value).toMatchObject({
      value: 1678,
    });
    expect(indicator(batch, '区民政局', 'active_evaluation_rate', YEAR_TO_DATE)?.value).toEqual({
      status: 'number',
      value: 66.31,
      unit: 'percent',
      decimals: 2,
      raw: '66.31%',
    });
  });

  it('keeps 区民政局 主动评价率 as reported (95.05) beside 173 evaluations for 152 cases', () => {
    expect(numberOf(measure(batch, '区民政局', 'evaluations')?.value)).toBe(173);
    expect(numberOf(measure(batch, '区民政局', 'cases')?.value)).toBe(152);
    // 173/152 would be 113.8%: the platform's basis is not evaluations/cases.
    expect(indicator(batch, '区民政局', 'active_evaluation_rate')?.value).toEqual({
      status: 'number',
      value: 95.05,
      unit: 'percent',
      decimals: 2,
      raw: '95.05%',
    });
  });

  it('prints 69.32 (the rate the text names) in cell Q17, for 区农业农村和交通运输局', () => {
    const hits = batch.indicators.filter((r) => numberOf(r.value) === 69.32);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      unitName: '区农业农村和交通运输局',
      indicator: 'active_evaluation_rate',
      provenance: { sheet: '附件1', row: 17, column: 'Q' },
    });
    expect(hits[0]?.period).toBeUndefined();
    // Its own counts give 113/181 = 62.43%: reported, not derivable.
    expect(numberOf(measure(batch, '区农业农村和交通运输局', 'evaluations')?.value)).toBe(113);
    expect(numberOf(measure(batch, '区农业农村和交通运输局', 'cases')?.value)).toBe(181);
  });

  it('reports claim and publish rates of 100 for all 38 departments and towns', () => {
    for (const code of ['claim_rate', 'publish_rate']) {
      const records = batch.indicators.filter((r) => r.indicator === code);
      expect(records).toHaveLength(38);
      for (const record of records) {
        expect(record.value).toMatchObject({ status: 'number', value: 100, raw: '100.00%' });
      }
    }
  });

  it('reads "100%" and "100.00%" as the same value with the printed decimals', () => {
    expect(indicator(batch, '区救消大队', 'active_evaluation_rate')?.value).toEqual({
      status: 'number',
      value: 100,
      unit: 'percent',
      decimals: 0,
      raw: '100%',
    });
    expect(indicator(batch, '区卫生健康局', 'active_evaluation_rate')?.value).toMatchObject({
      value: 100,
      decimals: 2,
    });
  });

  it('keeps "-" as not applicable, never as 0', () => {
    expect(measure(batch, '西区生态环境局', 'cases')?.value).toEqual({
      status: 'not_applicable',
      raw: '-',
    });
    expect(indicator(batch, '西区生态环境局', 'case_coverage')?.value.status).toBe(
      'not_applicable',
    );
    // 区审计局 prints "-" cases but 0 evaluations: both kept as printed.
    expect(measure(batch, '区审计局', 'cases')?.value.status).toBe('not_applicable');
    expect(measure(batch, '区审计局', 'evaluations')?.value).toMatchObject({
      status: 'number',
      value: 0,
    });
  });

  it('prints no district total: its sums disagree with the text and stay as they are', () => {
    expect(batch.totals).toEqual([]);
    const monthly = (code: string) =>
      batch.measures.filter((r) => r.measure === code && r.period === undefined);
    expect(sum(monthly('evaluations'))).toBe(4084); // the text: 4084
    expect(sum(monthly('cases'))).toBe(4290); // the text: 4288
    expect(sum(monthly('items.claimed'))).toBe(6660); // the text: 6669
  });

  it('refuses the annex without a year or a region rather than guessing them', async () => {
    await expect(parseError(ANNEX1, { regionCode: '510403' })).resolves.toMatchObject({
      code: 'PERIOD_NOT_FOUND',
    });
    await expect(parseError(ANNEX1, { year: 2022 })).resolves.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
    // A period given with the upload supplies the year too.
    const withPeriod = await parse(ANNEX1, { period: '2022-09', regionCode: '510403' });
    expect(withPeriod.period).toBe('2022-09');
  });
});

describe('report summary: the figures of the report text', () => {
  let batch: NormalisedBatch;
  beforeAll(async () => {
    batch = await parse(SUMMARY, { year: 2022 });
  });

  it('reports 97.86 for the district with 4084 evaluations for 4288 cases', () => {
    expect(batch.regionCode).toBe('510403');
    expect(batch.measures).toEqual([]);
    const [district] = batch.totals;
    expect(batch.totals).toHaveLength(1);
    expect(district).toMatchObject({ kind: 'total', label: '西区', unitPath: [], covers: [] });
    const value = (code: string) => district?.values.find((v) => v.code === code)?.value;
    expect(value('active_evaluation_rate')).toEqual({
      status: 'number',
      value: 97.86,
      unit: 'percent',
      decimals: 2,
      raw: '97.86%',
    });
    expect(numberOf(value('evaluations'))).toBe(4084);
    expect(numberOf(value('cases'))).toBe(4288);
    expect(numberOf(value('items.claimed'))).toBe(6669);
    expect(value('claim_rate')).toMatchObject({ value: 100, decimals: 0, raw: '100%' });
    expect(value('publish_rate')).toMatchObject({ value: 100, decimals: 0, raw: '100%' });
    // The text's "申请5331件" is annex 3's consultation total; kept as the text says.
    expect(numberOf(value('applications'))).toBe(5331);
  });
});

describe('附件2 政务服务大厅部门窗口办件情况', () => {
  it('keeps 总计 13907 as a total over the 20 windows, and it reconciles', async () => {
    const batch = await parse(ANNEX2, { year: 2022 });
    expect(batch.regionCode).toBe('510403'); // from "西区政务服务大厅…" in the title
    expect(batch.measures).toHaveLength(20);
    expect(batch.totals).toHaveLength(1);
    expect(batch.totals[0]).toMatchObject({ kind: 'total', label: '总计', unitPath: [] });
    expect(batch.totals[0]?.covers).toHaveLength(20);
    expect(batch.totals[0]?.values[0]).toMatchObject({
      code: 'cases.hall_window',
      value: { value: 13907 },
    });
    expect(reconcileTotals(batch)).toEqual([]);
  });

  it('prefers the region the title names over a different one typed at upload, and says so', async () => {
    const batch = await parse(ANNEX2, { year: 2022, regionCode: '510402' });
    expect(batch.regionCode).toBe('510403');
    expect(batch.warnings.map((w) => w.code)).toEqual(['REGION_CONTEXT_IGNORED']);
  });
});

describe('附件3 便民服务中心办件情况统计表', () => {
  let batch: NormalisedBatch;
  beforeAll(async () => {
    batch = await parse(ANNEX3, { year: 2022 });
  });

  it('keeps 总计 5331 as the consultation column (the text calls it applications)', () => {
    const total = batch.totals.find((t) => t.kind === 'total');
    expect(total).toMatchObject({ label: '总计', row: 42 });
    const byCode = Object.fromEntries(
      (total?.values ?? []).map((v) => [v.code, [numberOf(v.value), v.provenance.column]]),
    );
    expect(byCode).toEqual({
      consultations: [5331, 'C'],
      applications: [4904, 'D'],
      'applications.accepted': [4904, 'E'],
      'applications.finished': [4904, 'F'],
    });
  });

  it('nests centres under their town, with the garbled name as printed', () => {
    const record = batch.measures.find((r) => r.unitName === '格里坪镇便民服务中心心心心');
    expect(record?.unitPath).toEqual(['格里坪镇', '格里坪镇便民服务中心心心心']);
    const towns = [...new Set(batch.measures.map((r) => r.unitPath[0]))];
    expect(towns).toEqual([
      '格里坪镇',
      '玉泉 街道',
      '河门口街道',
      '陶家渡街道',
      '大宝鼎街道',
      '清香坪街道',
    ]);
    expect(new Set(batch.measures.map((r) => r.unitName)).size).toBe(32);
  });

  it('keeps one 小计 per town over its own centres, and every one reconciles', () => {
    const subtotals = batch.totals.filter((t) => t.kind === 'subtotal');
    expect(subtotals.map((t) => [t.unitPath[0], t.covers.length])).toEqual([
      ['格里坪镇', 9],
      ['玉泉 街道', 5],
      ['河门口街道', 3],
      ['陶家渡街道', 5],
      ['大宝鼎街道', 3],
      ['清香坪街道', 7],
    ]);
    expect(reconcileTotals(batch)).toEqual([]);
  });

  it('gives the same figures from a GB18030 csv, where the town is printed once per group', async () => {
    const csv = await parse(ANNEX3_CSV, { year: 2022 });
    const view = (b: NormalisedBatch) =>
      b.measures.map((r) => [r.unitPath.join('/'), r.measure, numberOf(r.value)]);
    expect(view(csv)).toEqual(view(batch));
    expect(csv.totals.map((t) => [t.kind, t.unitPath, t.covers])).toEqual(
      batch.totals.map((t) => [t.kind, t.unitPath, t.covers]),
    );
  });
});

describe('detection', () => {
  it('does not claim other provinces’ tables', async () => {
    const jinfeng = await buildXlsx([
      {
        name: '附件2',
        rows: [
          ['金凤区2022年1-8月政务服务系统各单位“好差评”情况'],
          [
            '序号',
            '单位/部门',
            '办件量',
            '线上办件数',
            '线下办件数',
            '线下评价数',
            '线下参评率(%)',
            '满意度(%)',
          ],
          [1, '审批局', 5835, 0, 5835, 5769, 98.87, 100],
          ['合计', null, 47903, 35767, 12136, 12009, 98.95, 100],
        ],
      },
    ]);
    const yindu = await buildXlsx([
      {
        name: '附件6',
        rows: [
          ['殷都区2023年6月办件量情况统计表'],
          ['序号', '单位', '部门报送数据', '电子监察数据', '综窗办理数据'],
          [1, '民政局', 100, 200, 3],
        ],
      },
    ]);
    for (const [name, bytes] of [
      ['jinfeng.xlsx', jinfeng],
      ['yindu.xlsx', yindu],
    ] as const) {
      const result = await sichuanAdapter.detect({ name, bytes });
      expect(result.confidence).toBeLessThan(0.5);
    }
  });

  it('names 附件3 with at least 0.9 confidence from its header and title', async () => {
    const result = await sichuanAdapter.detect(fixture(ANNEX3));
    expect(result.reportKind).toBe('service-centre-cases');
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('mappings', () => {
  it('use only measure and indicator codes the model defines', () => {
    const indicators = new Set(INDICATOR_DEFINITIONS.map((d) => d.code));
    const tables: TableSpec[] = [
      onlineServiceCapabilityTable,
      hallWindowCasesTable,
      serviceCentreCasesTable,
      reportSummaryTable,
    ];
    const unknown: string[] = [];
    for (const table of tables) {
      for (const column of Object.values(table.columns)) {
        if (column.measure !== undefined && !isMeasureCode(column.measure))
          unknown.push(`${table.name}: measure ${column.measure}`);
        if (column.indicator !== undefined && !indicators.has(column.indicator))
          unknown.push(`${table.name}: indicator ${column.indicator}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
