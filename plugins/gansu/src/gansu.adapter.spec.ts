import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { GANSU_2022_TARGETS } from '@efficacy/indicator-model';
import { readGrid, reconcileTotals } from '@efficacy/plugin-sdk';
import type { NormalisedBatch, ParseContext } from '@efficacy/plugin-sdk';
import { buildCsv, buildXlsx, describeConformance } from '@efficacy/plugin-sdk/testing';
import type { CellInput } from '@efficacy/plugin-sdk/testing';

import { gansuAdapter } from './gansu.adapter';

const fixtures = join(__dirname, '..', 'test-fixtures');

// One test per file in test-fixtures/ok (exact golden output) and test-fixtures/not-ok
// (expected error code and location); see libs/plugin-sdk/README.md.
describeConformance(gansuAdapter, fixtures);

async function parseFixture(name: string): Promise<NormalisedBatch> {
  const path = join(fixtures, 'ok', name);
  let context: ParseContext = {};
  try {
    context = JSON.parse(readFileSync(`${path}.context.json`, 'utf8')) as ParseContext;
  } catch {
    // No context file: the fixture states everything itself.
  }
  return gansuAdapter.parse({ name, bytes: new Uint8Array(readFileSync(path)) }, context);
}

describe('Jiayuguan 2022 capability plan', () => {
  let batch: NormalisedBatch;
  beforeAll(async () => {
    batch = await parseFixture('jiayuguan-2022-capability-plan.xlsx');
  });

  const targetOf = (indicator: string) => batch.targets.find((t) => t.indicator === indicator);
  const itemOf = (id: string) => batch.planItems.find((item) => item.id === id);

  it('is a 2022 plan for 嘉峪关市 with 26 tasks in printed order', () => {
    expect(batch.reportKind).toBe('capability-plan');
    expect(batch.period).toBe('2022');
    expect(batch.regionCode).toBe('620200');
    expect(batch.planItems.map((item) => item.id)).toEqual(
      Array.from({ length: 26 }, (_v, i) => String(i + 1)),
    );
    expect(batch.measures).toEqual([]);
    expect(batch.indicators).toEqual([]);
  });

  it.each([
    ['licensing.time_limit_compression', '>=', 72, 'percent'],
    ['licensing.visits_per_item', '<=', 0.03, 'number'],
    ['licensing.immediate_item_share', '>=', 45, 'percent'],
    ['elicence_types_collected', '>=', 191, 'count'],
    ['elicence_records', '>=', 630000, 'count'],
    ['seal_filing_rate', '>=', 98, 'percent'],
    ['personal_users.new_registrations', '>=', 157500, 'count'],
    ['personal_users.total_registrations', '>=', 252000, 'count'],
    ['case_records_reported', '>=', 253000, 'count'],
  ])('targets %s %s %s (%s) for 620200 in 2022', (indicator, comparator, value, unit) => {
    expect(targetOf(indicator)).toMatchObject({
      comparator,
      value,
      unit,
      regionCode: '620200',
      period: '2022',
    });
  });

  it('reads 接口未调用率达到0% as "at most 0", not "at least 0"', () => {
    expect(targetOf('interface_uncalled_rate')).toMatchObject({ comparator: '<=', value: 0 });
  });

  it('reads the worded targets: 全量申请 as ≥ 100%, 应与…相同 as = 100%', () => {
    expect(targetOf('interface_application_rate')).toMatchObject({
      comparator: '>=',
      value: 100,
      unit: 'percent',
      raw: '全量申请国家接口。',
    });
    expect(targetOf('elicence_sealed_type_ratio')).toMatchObject({ comparator: '=', value: 100 });
  });

  it('keeps 指南准确度 "持续优化提升" as text, with a warning instead of a target', () => {
    expect(itemOf('26')).toMatchObject({
      indicator: 'guide_accuracy',
      targetText: '持续优化提升。',
      targets: [],
    });
    expect(targetOf('guide_accuracy')).toBeUndefined();
    expect(batch.warnings.map((w) => w.code)).toContain('TARGET_NOT_NUMERIC');
  });

  it('agrees with every numeric target of the model’s GANSU_2022_TARGETS', () => {
    const numeric = GANSU_2022_TARGETS.filter((t) => t.comparator !== 'improve');
    expect(batch.targets).toHaveLength(numeric.length);
    for (const expected of numeric) {
      expect({ indicator: expected.indicator, ...targetOf(expected.indicator) }).toMatchObject({
        indicator: expected.indicator,
        comparator: expected.comparator,
        value: expected.value,
        deadline: expected.deadline,
      });
      const seq = String(Number(expected.id.slice(-2)));
      expect({ seq, ongoing: itemOf(seq)?.ongoing }).toEqual({ seq, ongoing: expected.ongoing });
    }
  });

  it('dates seal filing 2022-10-20 and the rest 2022-10-25', () => {
    expect(itemOf('22')).toMatchObject({
      deadline: '2022-10-20',
      deadlineText: '2022年10月20日前。',
      ongoing: false,
    });
    expect(targetOf('seal_filing_rate')?.deadline).toBe('2022-10-20');
    const others = batch.planItems.filter((item) => item.id !== '22');
    expect(new Set(others.map((item) => item.deadline))).toEqual(new Set(['2022-10-25']));
  });

  it('splits responsible units, including task (一)’s list that lacks a 、', () => {
    const all = ['各街道办事处', '郊区工作办公室', '市政府各部门', '在嘉各单位'];
    expect(itemOf('1')?.responsibleUnits).toEqual(all);
    expect(itemOf('2')?.responsibleUnits).toEqual(all);
    expect(itemOf('8')?.responsibleUnits).toEqual(['市市场监管局']);
    expect(itemOf('10')?.responsibleUnits).toEqual(['市政府各部门', '在嘉各单位']);
    const joined = batch.warnings.filter((w) => w.code === 'RESPONSIBLE_UNITS_JOINED');
    expect(joined).toHaveLength(1);
    expect(joined[0]?.message).toContain('row 4, column H');
  });

  it('keeps the prose of each task, and task (一)’s overview ahead of its measures', () => {
    expect(itemOf('10')).toMatchObject({
      title: '承诺时限压缩比(行政许可)',
      problem: '部分事项承诺时限仍存在压缩空间;部分事项的承诺时限与实际办理的时限不一致。',
      targetText: '本年度平均承诺时限压缩比(行政许可)不低于72%。',
    });
    expect(itemOf('1')?.measures?.split('\n')[0]).toMatch(/^按照规范完成自建业务系统/);
    expect(itemOf('2')?.measures?.split('\n')).toHaveLength(2);
  });
  it('reads the same plan saved as GB18030 csv (merged title cells left empty)', async () => {
    const name = 'jiayuguan-2022-capability-plan.xlsx';
    const grid = await readGrid({
      name,
      bytes: new Uint8Array(readFileSync(join(fixtures, 'ok', name))),
    });
    const rows = (grid.sheets[0]?.rows ?? []).map((row) =>
      row.cells.map((cell) => (cell.merge && !cell.merge.isMaster ? '' : cell.text)),
    );
    const csv = await gansuAdapter.parse({
      name: 'jiayuguan-plan.csv',
      bytes: buildCsv(rows, { encoding: 'gb18030' }),
    });
    const strip = (b: NormalisedBatch) => ({
      period: b.period,
      regionCode: b.regionCode,
      targets: b.targets.map(({ provenance: _p, ...target }) => target),
      items: b.planItems.map(({ provenance: _p, targets, ...item }) => ({
        ...item,
        targets: targets.length,
      })),
    });
    expect(strip(csv)).toEqual(strip(batch));
  });
});

describe('capability plan: what the file does not say', () => {
  const header = ['序号', '指标', '任务目标', '责任单位', '完成时限'];
  const plan = (title: string, rows: CellInput[][]) =>
    buildXlsx([{ name: '主要任务', rows: [[title], header, ...rows] }]);

  it('takes the year from the upload when neither title nor document number has one', async () => {
    const bytes = await plan('嘉峪关市一体化政务服务能力提升实施方案', [
      [1, '电子印章备案率', '电子印章备案率不低于98%', '市政府各部门', '10月20日前'],
      [2, '网上办理深度', '不低于60%', '市政府各部门', '尽快完成'],
    ]);
    const name = 'plan.xlsx';
    await expect(gansuAdapter.parse({ name, bytes })).rejects.toMatchObject({
      code: 'PERIOD_NOT_FOUND',
    });
    const batch = await gansuAdapter.parse({ name, bytes }, { year: 2022 });
    expect(batch.period).toBe('2022');
    expect(batch.targets).toMatchObject([
      { indicator: 'seal_filing_rate', comparator: '>=', value: 98, deadline: '2022-10-20' },
    ]);
    // An unknown heading stays a task, without indicator or target; a vague deadline stays text.
    expect(batch.planItems[1]).toMatchObject({ title: '网上办理深度', targets: [] });
    expect(batch.planItems[1]?.indicator).toBeUndefined();
    expect(batch.planItems[1]?.deadline).toBeUndefined();
    expect(batch.warnings.map((w) => w.code)).toEqual(['UNKNOWN_INDICATOR', 'DEADLINE_NOT_DATED']);
  });
});

describe('indicator values per unit and period (format sample)', () => {
  let batch: NormalisedBatch;
  beforeAll(async () => {
    batch = await parseFixture('jiayuguan-2022-01to09-indicator-values.xlsx');
  });

  const measureOf = (unit: string, measure: string) =>
    batch.measures.filter((r) => r.unitName === unit && r.measure === measure);
  const indicatorOf = (unit: string, indicator: string) =>
    batch.indicators.find((r) => r.unitName === unit && r.indicator === indicator);

  it('takes period and region from the title', () => {
    expect(batch.period).toBe('2022-01..2022-09');
    expect(batch.regionCode).toBe('620200');
  });

  it('keeps printed rates as reported indicator values with their decimals', () => {
    expect(indicatorOf('市市场监管局', 'licensing.time_limit_compression')?.value).toEqual({
      status: 'number',
      value: 78.25,
      unit: 'percent',
      decimals: 2,
      raw: '78.25%',
    });
    expect(indicatorOf('市市场监管局', 'licensing.visits_per_item')?.value).toMatchObject({
      value: 0.02,
      unit: 'number',
    });
  });

  it('imports 分子 and 分母 as the measures the model computes the rate from', () => {
    expect(measureOf('市市场监管局', 'licensing.time_limit.promised_days')[0]?.value).toMatchObject(
      { value: 261 },
    );
    expect(measureOf('市市场监管局', 'licensing.time_limit.legal_days')[0]?.value).toMatchObject({
      value: 1200,
    });
    // 行政许可事项数 is printed with two indicators: one fact, imported once.
    expect(measureOf('市市场监管局', 'licensing.items')).toHaveLength(1);
  });

  it('imports a count indicator’s figure as its base measure', () => {
    expect(measureOf('市公安局', 'elicence.records_total')[0]?.value).toMatchObject({
      value: 215340,
      unit: 'count',
    });
    expect(batch.indicators.some((r) => r.indicator === 'elicence_records')).toBe(false);
  });

  it('keeps "/" as not connected and "-" as not applicable, and a real 0 as 0', () => {
    expect(indicatorOf('峪泉镇', 'required_evaluation_rate')?.value.status).toBe('not_connected');
    expect(indicatorOf('文殊镇', 'complaint_completion_rate')?.value.status).toBe('not_applicable');
    expect(measureOf('文殊镇', 'complaints.received')[0]?.value).toMatchObject({
      status: 'number',
      value: 0,
    });
  });

  it('nests towns under 郊区工作办公室 and keeps a monthly row’s own period', () => {
    expect(measureOf('新城镇', 'cases.reported_nationally')[0]?.unitPath).toEqual([
      '郊区工作办公室',
      '新城镇',
    ]);
    expect(indicatorOf('市公安局', 'seal_filing_rate')?.period).toBe('2022-09');
    expect(indicatorOf('市公安局', 'licensing.time_limit_compression')?.period).toBeUndefined();
  });

  it('keeps 小计 and 嘉峪关市 rows as totals over the rows of the same indicator, which reconcile', () => {
    const subtotal = batch.totals.find((t) => t.kind === 'subtotal');
    expect(subtotal).toMatchObject({ label: '小计', unitPath: ['郊区工作办公室'] });
    expect(subtotal?.covers).toEqual([12, 13, 14]);
    const compression = batch.totals.find((t) =>
      t.values.some((v) => v.code === 'licensing.time_limit_compression'),
    );
    expect(compression).toMatchObject({ kind: 'total', label: '嘉峪关市', unitPath: [] });
    expect(compression?.covers).toEqual([3, 7]);
    expect(reconcileTotals(batch)).toEqual([]);
  });

  it('says which 分母 it cannot import (the weighted evaluation denominator)', () => {
    const warnings = batch.warnings.filter((w) => w.code === 'COUNT_NOT_MAPPED');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('row 16, column H (分母)');
  });

  it('reads the csv without a title to the same records, with period and region from the upload', async () => {
    const csv = await parseFixture('jiayuguan-2022-01to09-indicator-values-no-title.csv');
    const strip = (b: NormalisedBatch) => ({
      period: b.period,
      regionCode: b.regionCode,
      measures: b.measures.map((r) => [r.unitPath, r.measure, r.period, r.value]),
      indicators: b.indicators.map((r) => [r.unitPath, r.indicator, r.period, r.value]),
      totals: b.totals.map((t) => [t.kind, t.label, t.values.map((v) => [v.code, v.value])]),
    });
    expect(strip(csv)).toEqual(strip(batch));
  });
});

describe('indicator values: rows that need a look', () => {
  const header = ['序号', '单位', '指标', '期间', '数值', '分子', '分母'];
  const parseRows = async (rows: CellInput[][]) => {
    const bytes = await buildXlsx([
      {
        name: '指标完成情况',
        rows: [['嘉峪关市2022年1-9月一体化政务服务能力指标完成情况'], header, ...rows],
      },
    ]);
    return gansuAdapter.parse({ name: 'values.xlsx', bytes });
  };

  it('warns when one count is printed with two different values, and keeps the first', async () => {
    const batch = await parseRows([
      [1, '市公安局', '平均跑动次数(行政许可)', null, 0.01, 1, 100],
      [2, '市公安局', '即办件占比(行政许可)', null, '50.00%', 51, 102],
    ]);
    expect(
      batch.measures.filter((r) => r.measure === 'licensing.items').map((r) => r.value),
    ).toMatchObject([{ value: 100 }]);
    const conflict = batch.warnings.find((w) => w.code === 'MEASURE_CONFLICT');
    expect(conflict?.message).toContain('row 4, column G');
    expect(conflict?.message).toContain('"100" in row 3');
  });

  it('warns about an indicator it does not know and skips the row', async () => {
    const batch = await parseRows([
      [1, '市公安局', '网上办理深度', null, '80%', null, null],
      [2, '市公安局', '电子印章备案率', null, '90%', 9, 10],
    ]);
    expect(batch.indicators.map((r) => r.indicator)).toEqual(['seal_filing_rate']);
    expect(batch.warnings.find((w) => w.code === 'UNKNOWN_INDICATOR')?.message).toContain(
      '"网上办理深度"',
    );
  });

  it('takes the period from the rows when the title has none and every row states the same', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['嘉峪关市政务服务能力指标'],
          header,
          [1, '市公安局', '电子印章备案率', '2022年9月', '90%', 9, 10],
        ],
      },
    ]);
    const batch = await gansuAdapter.parse({ name: 'values.xlsx', bytes });
    expect(batch.period).toBe('2022-09');
    expect(batch.indicators[0]?.period).toBeUndefined();
  });
});

describe('detection', () => {
  it('claims its own fixtures with the right report kind', async () => {
    const plan = 'jiayuguan-2022-capability-plan.xlsx';
    const values = 'jiayuguan-2022-01to09-indicator-values.xlsx';
    const read = (name: string) => new Uint8Array(readFileSync(join(fixtures, 'ok', name)));
    await expect(gansuAdapter.detect({ name: plan, bytes: read(plan) })).resolves.toMatchObject({
      reportKind: 'capability-plan',
      confidence: 1,
    });
    await expect(gansuAdapter.detect({ name: values, bytes: read(values) })).resolves.toMatchObject(
      { reportKind: 'indicator-values', confidence: 1 },
    );
  });

  it('does not claim the other provinces’ files', async () => {
    const others = ['ningxia', 'henan', 'sichuan'].flatMap((province) => {
      const dir = join(__dirname, '..', '..', province, 'test-fixtures', 'ok');
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((name) => /\.(xlsx|csv)$/.test(name));
      } catch {
        // A province folder without fixtures has nothing to claim.
      }
      return names.map((name) => ({ name, path: join(dir, name) }));
    });
    expect(others.length).toBeGreaterThan(10);
    for (const { name, path } of others) {
      const result = await gansuAdapter.detect({
        name,
        bytes: new Uint8Array(readFileSync(path)),
      });
      expect({ name, claimed: result.confidence >= 0.5 }).toEqual({ name, claimed: false });
    }
  });
});
