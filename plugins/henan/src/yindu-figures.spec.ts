import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  DEMO_REGISTRY,
  computeIndicatorValue,
  createMeasureStore,
  createUnitMatcher,
  getIndicator,
  hierarchyAsOf,
  periodEndDate,
  regionSubject,
  unitSubject,
} from '@efficacy/indicator-model';
import type { IndicatorValue } from '@efficacy/indicator-model';
import { mapBatch, reconcileTotals } from '@efficacy/plugin-sdk';
import type {
  IndicatorRecord,
  MeasureRecord,
  NormalisedBatch,
  ParseContext,
  TotalRecord,
  ValueState,
} from '@efficacy/plugin-sdk';

import { henanAdapter } from './henan.adapter';

// Figures a supervisor reading the Yindu June 2023 bulletin (殷放管服办〔2023〕18号) checks
// first. The golden files pin every value; these say which ones matter and why, and recompute
// the bulletin's rates from the counts the adapter emits, through the SDK's mapping into the
// model, so a wrong measure code or a lost row shows up as a wrong rate.

const OK = join(__dirname, '..', 'test-fixtures', 'ok');
const JUNE = '2023-06';
const JANUARY_TO_JUNE = '2023-01..2023-06';
const YINDU = '410505';
const ANYANG = '410500';

const FILES = {
  annex1: 'yindu-2023-06-annex1-contactless-immediate.xlsx',
  annex1PercentNumeric: 'yindu-2023-06-annex1-contactless-immediate-percent-numeric.xlsx',
  annex2: 'yindu-2023-06-annex2-time-limit-compression.xlsx',
  annex3: 'yindu-2023-06-annex3-e-licences.xlsx',
  annex3Csv: 'yindu-2023-06-annex3-e-licences.gb18030.csv',
  annex4: 'yindu-2023-06-annex4-data-catalogues.xlsx',
  annex5: 'yindu-2023-06-annex5-internet-plus-supervision.xlsx',
  annex6: 'yindu-2023-06-annex6-case-volumes.xlsx',
  annex7: 'yindu-2023-06-annex7-online-service-audit.xlsx',
  annex8: 'yindu-2023-06-annex8-hall-attendance.xlsx',
  combined: 'yindu-2023-06-annexes-combined.xlsx',
} as const;

/** The upload context: most annexes print no period, so June 2023 comes with the upload. */
const WITH_PERIOD: ParseContext = { period: JUNE };

function parse(name: string, context: ParseContext = WITH_PERIOD): Promise<NormalisedBatch> {
  return henanAdapter.parse({ name, bytes: new Uint8Array(readFileSync(join(OK, name))) }, context);
}

function numberOf(value: ValueState | undefined): number | undefined {
  return value?.status === 'number' ? value.value : undefined;
}

function measure(batch: NormalisedBatch, unit: string, code: string): MeasureRecord {
  const found = batch.measures.find((r) => r.unitName === unit && r.measure === code);
  if (!found) throw new Error(`no ${code} for ${unit}`);
  return found;
}

function indicator(batch: NormalisedBatch, unit: string, code: string): IndicatorRecord {
  const found = batch.indicators.find((r) => r.unitName === unit && r.indicator === code);
  if (!found) throw new Error(`no ${code} for ${unit}`);
  return found;
}

function total(batch: NormalisedBatch, label: string, row?: number): TotalRecord {
  const found = batch.totals.find((t) => t.label === label && (row === undefined || t.row === row));
  if (!found) throw new Error(`no total row ${label}`);
  return found;
}

function totalValue(row: TotalRecord, code: string): ValueState | undefined {
  return row.values.find((v) => v.code === code)?.value;
}

/** The batch landed in the model (Yindu's units and aliases from the demo registry). */
function modelOf(batch: NormalisedBatch) {
  const asOf = periodEndDate(batch.period);
  const hierarchy = hierarchyAsOf(DEMO_REGISTRY, asOf);
  const mapping = mapBatch(batch, {
    importId: `spec:${batch.source.fileName}`,
    hierarchy,
    matcher: createUnitMatcher(hierarchy),
  });
  const store = createMeasureStore([mapping.dataset]);
  const unitIds = new Map(mapping.names.map((n) => [n.name, n.unitId]));
  const valueOf = (code: string, subject: string, period = batch.period): IndicatorValue =>
    computeIndicatorValue(
      store,
      hierarchy,
      getIndicator(code, asOf),
      subject.includes(':') ? unitSubject(subject) : regionSubject(subject),
      period,
    );
  /** Units whose printed rate is not what their counts give under the source's rounding. */
  const discrepancies = (code: string): string[] =>
    batch.indicators
      .filter((r) => r.indicator === code)
      .filter((r) => {
        const id = unitIds.get(r.unitName);
        if (id === undefined) throw new Error(`${r.unitName} did not resolve to a unit`);
        return valueOf(code, id).discrepancy !== undefined;
      })
      .map((r) => r.unitName);
  return { mapping, valueOf, discrepancies };
}

describe('附件1 contactless and immediate items', () => {
  it('prints 1644 items and 1031 immediate items for Yindu: 62.71%, recomputed from the counts', async () => {
    const batch = await parse(FILES.annex1);
    const sum = total(batch, '合计');
    expect(numberOf(totalValue(sum, 'items'))).toBe(1644);
    expect(numberOf(totalValue(sum, 'items.immediate'))).toBe(1031);
    expect(totalValue(sum, 'immediate_item_share')).toEqual({
      status: 'number',
      value: 62.71,
      unit: 'percent',
      decimals: 2,
      raw: '62.71%',
    });
    // The 合计 row is printed above the units and still covers all 31 of them.
    expect(sum.covers).toHaveLength(31);

    const { mapping, valueOf } = modelOf(batch);
    expect(mapping.unresolved).toEqual([]);
    const yindu = valueOf('immediate_item_share', YINDU);
    expect(yindu.derived).toMatchObject({ value: 62.71, numerator: 1031, denominator: 1644 });
    expect(yindu.discrepancy).toBeUndefined();
  });

  it('keeps 公安分局 44.44% as printed although 64/143 is 44.76% (one item excluded, text)', async () => {
    const batch = await parse(FILES.annex1);
    // Every other unit's printed share is its counts, rounded half-up to two decimals.
    expect(modelOf(batch).discrepancies('immediate_item_share')).toEqual(['殷都区公安分局']);
    // The dry run says so at the cell, without changing the printed figure.
    expect(batch.warnings).toEqual([
      expect.objectContaining({
        code: 'RATE_MISMATCH',
        message: expect.stringContaining(
          'row 26, column F (即办件 事项占比): 殷都区公安分局 即办件占比 is printed 44.44%, but 64 / 143 gives 44.755244…, rounded half-up to 44.76',
        ),
      }),
    ]);
    expect(indicator(batch, '殷都区公安分局', 'immediate_item_share').value).toMatchObject({
      value: 44.44,
      raw: '44.44%',
    });
    const police = modelOf(batch).valueOf('immediate_item_share', '410505:gaj');
    expect(police.derived?.value).toBe(44.76);
    expect(police.discrepancy).toMatchObject({ reported: 44.44, derived: 44.76 });
  });

  it('reads percent-formatted numeric cells (0.6271 shown as 62.71%) exactly like printed text', async () => {
    const text = await parse(FILES.annex1);
    const numeric = await parse(FILES.annex1PercentNumeric);
    const values = (batch: NormalisedBatch) => [
      ...batch.indicators.map((r) => r.value),
      ...batch.totals.flatMap((t) => t.values.map((v) => v.value)),
    ];
    expect(values(numeric)).toEqual(values(text));
  });
});

describe('附件2 time-limit compression', () => {
  it('reads its period from the 填报时间 line, without any upload context', async () => {
    const batch = await parse(FILES.annex2, {});
    expect(batch.period).toBe(JUNE);
    expect(batch.regionCode).toBe(YINDU);
  });

  it('prints 42166 legal and 3266 promised days for Yindu: 1 − 3266/42166 = 92.25%', async () => {
    const batch = await parse(FILES.annex2, {});
    const sum = total(batch, '合计');
    expect(numberOf(totalValue(sum, 'time_limit.legal_days'))).toBe(42166);
    expect(numberOf(totalValue(sum, 'time_limit.promised_days'))).toBe(3266);
    expect(numberOf(totalValue(sum, 'time_limit_compression'))).toBe(92.25);
    const yindu = modelOf(batch).valueOf('time_limit_compression', YINDU);
    expect(yindu.derived).toMatchObject({ value: 92.25, numerator: 3266, denominator: 42166 });
  });

  it('prints 退役军人局 4320 legal and 40 promised days: 99.07%, the best compression', async () => {
    const batch = await parse(FILES.annex2, {});
    expect(numberOf(measure(batch, '退役军人局', 'time_limit.legal_days').value)).toBe(4320);
    expect(numberOf(measure(batch, '退役军人局', 'time_limit.promised_days').value)).toBe(40);
    expect(numberOf(indicator(batch, '退役军人局', 'time_limit_compression').value)).toBe(99.07);
    expect(modelOf(batch).valueOf('time_limit_compression', '410505:tyjrj').value).toBe(99.07);
  });

  it('reproduces every printed compression ratio from the day counts (公安分局 16.65%)', async () => {
    const batch = await parse(FILES.annex2, {});
    const { valueOf, discrepancies } = modelOf(batch);
    expect(discrepancies('time_limit_compression')).toEqual([]);
    expect(valueOf('time_limit_compression', '410505:gaj')).toMatchObject({ value: 16.65 });
    expect(reconcileTotals(batch)).toEqual([]);
  });
});

describe('附件3 e-licences per department and licence type', () => {
  it('gives every licence row its department from the merged cell, and the type as a dimension', async () => {
    const batch = await parse(FILES.annex3);
    const land = batch.measures.filter(
      (r) => r.unitName === '自然资源局' && r.measure === 'elicence.signed',
    );
    expect(land.map((r) => r.dimensions?.['licenceType'])).toEqual([
      '建设项目用地预审与选址意见书',
      '中华人民共和国建设工程规划许可证',
      '建设工程规划核实意见确认书',
      '建设用地规划许可证',
      '采矿许可证',
      '中华人民共和国乡村建设规划许可证',
    ]);
    const licence = batch.measures.find(
      (r) =>
        r.unitName === '市场监管局' &&
        r.measure === 'elicence.unsigned' &&
        r.dimensions?.['licenceType'] === '营业执照（个体工商户）',
    );
    expect(numberOf(licence?.value)).toBe(32726);
  });

  it('keeps the 殷都区 row as the total of 6799 signed and 34528 unsigned, and it reconciles', async () => {
    const batch = await parse(FILES.annex3);
    const yindu = total(batch, '殷都区');
    expect(yindu.kind).toBe('total');
    expect(yindu.covers).toHaveLength(63);
    expect(numberOf(totalValue(yindu, 'elicence.signed'))).toBe(6799);
    expect(numberOf(totalValue(yindu, 'elicence.unsigned'))).toBe(34528);
    expect(batch.measures.some((r) => r.unitName === '殷都区')).toBe(false);
    expect(reconcileTotals(batch)).toEqual([]);
  });

  it('reads the csv export, where the department is printed on its first row only, the same way', async () => {
    const strip = (batch: NormalisedBatch) =>
      batch.measures.map(({ provenance, ...rest }) => ({ ...rest, row: provenance.row }));
    expect(strip(await parse(FILES.annex3Csv))).toEqual(strip(await parse(FILES.annex3)));
  });
});

describe('附件4 data-sharing catalogues', () => {
  it('prints 73 mounted of 117 published catalogues for Yindu: 62.39%', async () => {
    const batch = await parse(FILES.annex4);
    const yindu = total(batch, '殷都区');
    expect(numberOf(totalValue(yindu, 'catalogues.published'))).toBe(117);
    expect(numberOf(totalValue(yindu, 'catalogues.mounted'))).toBe(73);
    expect(numberOf(totalValue(yindu, 'catalogue_mount_rate'))).toBe(62.39);
    const { valueOf, discrepancies } = modelOf(batch);
    expect(valueOf('catalogue_mount_rate', YINDU).derived).toMatchObject({
      value: 62.39,
      numerator: 73,
      denominator: 117,
    });
    expect(discrepancies('catalogue_mount_rate')).toEqual([]);
    expect(reconcileTotals(batch)).toEqual([]);
  });
});

describe('附件5 互联网+监管', () => {
  it('reads June from the upload, not July from the issue date 2023年7月10日 under the title', async () => {
    const batch = await parse(FILES.annex5);
    expect(batch.period).toBe(JUNE);
    expect(batch.warnings).toEqual([]);
  });

  it('prints 79 of 383 main items covered for Yindu (20.63%), Anyang 2018/4234 as a benchmark', async () => {
    const batch = await parse(FILES.annex5);
    const anyang = total(batch, '安阳市');
    expect(anyang).toMatchObject({ kind: 'benchmark', covers: [] });
    expect(numberOf(totalValue(anyang, 'supervision.main_items'))).toBe(4234);
    expect(numberOf(totalValue(anyang, 'supervision.main_items.covered'))).toBe(2018);
    expect(numberOf(totalValue(anyang, 'supervision_main_item_coverage'))).toBe(47.66);
    // A benchmark is not a unit of Yindu.
    expect(batch.measures.some((r) => r.unitName === '安阳市')).toBe(false);

    const yindu = total(batch, '殷都区');
    expect(yindu).toMatchObject({ kind: 'total' });
    expect(yindu.covers).toHaveLength(25);
    const { valueOf } = modelOf(batch);
    expect(valueOf('supervision_main_item_coverage', YINDU).derived).toMatchObject({
      value: 20.63,
      numerator: 79,
      denominator: 383,
    });
    expect(valueOf('supervision_main_item_coverage', ANYANG).reported?.value).toMatchObject({
      value: 47.66,
    });
  });

  it('reads the three header rows: Yindu sub-items (57+245+20+139)/(488+930+68+193) = 461/1679 = 27.46%', async () => {
    const batch = await parse(FILES.annex5);
    const yindu = total(batch, '殷都区');
    const kinds = ['inspection', 'penalty', 'enforcement', 'other'];
    expect(kinds.map((k) => numberOf(totalValue(yindu, `supervision.sub_items.${k}`)))).toEqual([
      488, 930, 68, 193,
    ]);
    expect(
      kinds.map((k) => numberOf(totalValue(yindu, `supervision.sub_items.${k}.covered`))),
    ).toEqual([57, 245, 20, 139]);
    expect(
      kinds.map((k) => numberOf(totalValue(yindu, `supervision.sub_items.${k}.collected`))),
    ).toEqual([122, 351, 20, 142]);
    expect(numberOf(totalValue(yindu, 'supervision_sub_item_coverage'))).toBe(27.46);
    const { valueOf, discrepancies } = modelOf(batch);
    expect(valueOf('supervision_sub_item_coverage', YINDU).derived).toMatchObject({
      value: 27.46,
      numerator: 461,
      denominator: 1679,
    });
    expect(discrepancies('supervision_main_item_coverage')).toEqual([]);
    expect(discrepancies('supervision_sub_item_coverage')).toEqual([]);
    expect(reconcileTotals(batch)).toEqual([]);
  });
});

describe('附件6 case volumes from three sources', () => {
  it('keeps the printed 总计 of 90402 department-reported cases, and reconciliation flags the 88300', async () => {
    const batch = await parse(FILES.annex6);
    const sum = total(batch, '总计');
    expect(numberOf(totalValue(sum, 'case_volume.department_report'))).toBe(90402);
    expect(numberOf(totalValue(sum, 'case_volume.e_supervision'))).toBe(205762);
    expect(numberOf(totalValue(sum, 'case_volume.integrated_window'))).toBe(1816);
    const mismatches = reconcileTotals(batch);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ code: 'TOTAL_MISMATCH' });
    expect(mismatches[0]?.message).toContain('case_volume.department_report');
    expect(mismatches[0]?.message).toContain('printed as 90402');
    expect(mismatches[0]?.message).toContain('sum to 88300');
  });

  it('files the volumes as January to June beside the June batch, as the bulletin reads them', async () => {
    const batch = await parse(FILES.annex6);
    expect(batch.period).toBe(JUNE);
    expect(new Set(batch.measures.map((r) => r.period))).toEqual(new Set([JANUARY_TO_JUNE]));
    // 明进暗不进: 退役军人局 reports 20946 cases, the e-supervision system saw 45.
    expect(numberOf(measure(batch, '退役军人局', 'case_volume.department_report').value)).toBe(
      20946,
    );
    expect(numberOf(measure(batch, '退役军人局', 'case_volume.e_supervision').value)).toBe(45);
  });
});

describe('附件7 online-service audit', () => {
  it('prints 11 of 200 items audited for Yindu: 5.50%', async () => {
    const batch = await parse(FILES.annex7);
    const sum = total(batch, '合计');
    expect(numberOf(totalValue(sum, 'audit.listed'))).toBe(200);
    expect(numberOf(totalValue(sum, 'audit.done'))).toBe(11);
    expect(totalValue(sum, 'online_audit_completion_rate')).toMatchObject({
      value: 5.5,
      decimals: 2,
      raw: '5.50%',
    });
    const { valueOf, discrepancies } = modelOf(batch);
    expect(valueOf('online_audit_completion_rate', YINDU).derived).toMatchObject({
      value: 5.5,
      numerator: 11,
      denominator: 200,
    });
    // Only 房管局, whose rate is not applicable (无需排查) while its counts give 0/1.
    expect(discrepancies('online_audit_completion_rate')).toEqual(['房管局']);
  });

  it('reads 房管局 "无需排查" as not applicable, with the remark as its reason, not as 0.00%', async () => {
    const batch = await parse(FILES.annex7);
    // The printed counts stay (合计 sums them); the rate is not a 0.00% to rank last.
    expect(numberOf(measure(batch, '房管局', 'audit.listed').value)).toBe(1);
    expect(numberOf(measure(batch, '房管局', 'audit.done').value)).toBe(0);
    expect(indicator(batch, '房管局', 'online_audit_completion_rate').value).toEqual({
      status: 'not_applicable',
      raw: '0.00%',
    });
    expect(batch.warnings).toEqual([
      expect.objectContaining({
        code: 'REMARK_NOT_APPLICABLE',
        message: expect.stringContaining(
          '房管局 is remarked "无需排查"; its printed 0.00% is read as not applicable (not ranked)',
        ),
        provenance: expect.objectContaining({ row: 12, column: 'F', header: '完成率' }),
      }),
    ]);
    // The model still derives 0/1 = 0 from the printed counts; the clash with the reported state
    // is shown as a status discrepancy (ranking must follow the reported state: see README).
    const { valueOf } = modelOf(batch);
    const value = valueOf('online_audit_completion_rate', '410505:fgj');
    expect(value.reported?.value).toEqual({ status: 'not_applicable' });
    expect(value.discrepancy).toMatchObject({ kind: 'status', reported: 'not_applicable' });
  });
});

describe('附件8 hall staff attendance', () => {
  it('takes the month from the title (6 月份) and the year from the upload', async () => {
    const batch = await parse(FILES.annex8, { year: 2023 });
    expect(batch.period).toBe(JUNE);
  });

  it('shows 民政局 with all 4 stationed staff on leave: 100%', async () => {
    const batch = await parse(FILES.annex8, { year: 2023 });
    expect(numberOf(measure(batch, '民政局', 'staff.stationed').value)).toBe(4);
    expect(numberOf(measure(batch, '民政局', 'staff.on_leave').value)).toBe(4);
    expect(numberOf(indicator(batch, '民政局', 'staff_leave_ratio').value)).toBe(100);
    const { valueOf, discrepancies } = modelOf(batch);
    expect(valueOf('staff_leave_ratio', '410505:mzj').value).toBe(100);
    expect(discrepancies('staff_leave_ratio')).toEqual([]);
  });

  it('keeps both groups and their 小计 rows, and the 公共服务单位 heading as a section', async () => {
    const batch = await parse(FILES.annex8, { year: 2023 });
    const subtotals = batch.totals.filter((t) => t.kind === 'subtotal');
    expect(subtotals.map((t) => [t.covers.length, t.section])).toEqual([
      [22, undefined],
      [7, '公共服务单位'],
    ]);
    expect(subtotals.map((t) => numberOf(totalValue(t, 'staff.out_on_duty_hours')))).toEqual([
      702.3, 11.5,
    ]);
    const sum = total(batch, '合计');
    expect(sum.covers).toHaveLength(29);
    expect(numberOf(totalValue(sum, 'staff.out_on_duty_hours'))).toBe(713.8);
    expect(measure(batch, '中国人寿', 'staff.stationed').section).toBe('公共服务单位');
    expect(measure(batch, '市场监管局', 'staff.stationed').section).toBeUndefined();
    expect(reconcileTotals(batch)).toEqual([]);
  });
});

describe('the combined workbook (附件1 … 附件8 as sheets)', () => {
  it('reads all eight annexes into one batch, with the period from 附件2 and no context', async () => {
    const batch = await parse(FILES.combined, {});
    expect(batch.reportKind).toBe('capability-bulletin-annexes');
    expect(batch.period).toBe(JUNE);
    expect(batch.regionCode).toBe(YINDU);
    expect([...new Set(batch.measures.map((r) => r.provenance.sheet))]).toEqual([
      '附件1',
      '附件2',
      '附件3',
      '附件4',
      '附件5',
      '附件6',
      '附件7',
      '附件8',
    ]);
  });

  it('gives the same figures as the eight single-annex files', async () => {
    const combined = await parse(FILES.combined, {});
    const singles = await Promise.all(
      [
        FILES.annex1,
        FILES.annex2,
        FILES.annex3,
        FILES.annex4,
        FILES.annex5,
        FILES.annex6,
        FILES.annex7,
      ].map((name) => parse(name)),
    );
    singles.push(await parse(FILES.annex8, { year: 2023 }));
    const figures = (records: readonly (MeasureRecord | IndicatorRecord)[]) =>
      records.map(({ provenance, ...rest }) => ({
        ...rest,
        at: [provenance.sheet, provenance.row],
      }));
    expect(figures(combined.measures)).toEqual(singles.flatMap((b) => figures(b.measures)));
    expect(figures(combined.indicators)).toEqual(singles.flatMap((b) => figures(b.indicators)));
    expect(reconcileTotals(combined)).toHaveLength(1);
  });

  it('holds 附件1 and 附件2 事项总数 twice, and the model still counts Yindu 1031 of 1644', async () => {
    const combined = await parse(FILES.combined, {});
    const sheetsWithItems = combined.totals
      .filter((t) => t.values.some((v) => v.code === 'items'))
      .map((t) => t.sheet);
    expect(sheetsWithItems).toEqual(['附件1', '附件2']);
    // Several tables may print the same figure: the model takes the first, never the sum.
    expect(modelOf(combined).valueOf('immediate_item_share', YINDU).derived).toMatchObject({
      value: 62.71,
      numerator: 1031,
      denominator: 1644,
    });
  });
});
