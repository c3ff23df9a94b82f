import { exact } from '@efficacy/indicator-model';

import { readGrid } from '../grid/read-grid';
import { defineTable, readTable } from '../table/table';
import { buildXlsx } from '../testing/workbook-builder';
import { checkRate, checkTableRates, RATE_MISMATCH } from './rate-check';

const where = { file: 'a.xlsx', sheet: '附件2', row: 13, column: 'G', header: '线下参评率' };

describe('checkRate', () => {
  it('flags 丰登镇 96.31 for 366/380 and says truncating gives the print', () => {
    const warning = checkRate({
      indicator: 'offline_evaluation_rate',
      numerator: exact.fromNumber(366),
      denominator: exact.fromNumber(380),
      operands: '366 / 380',
      printed: { status: 'number', value: 96.31, unit: 'percent', decimals: 2, raw: '96.31' },
      location: where,
      period: '2022-01..2022-08',
      subject: '丰登镇',
    });
    expect(warning).toEqual({
      code: RATE_MISMATCH,
      message:
        'a.xlsx, sheet "附件2", row 13, column G (线下参评率): 丰登镇 线下参评率 is printed 96.31, but 366 / 380 gives 96.315789…, rounded half-up to 96.32; truncating gives the printed figure; kept as printed',
      provenance: where,
    });
  });

  it('passes a rate its counts give, and skips a zero denominator and an indicator that is no ratio', () => {
    const base = {
      indicator: 'offline_evaluation_rate',
      operands: '5769 / 5835',
      location: where,
      period: '2022-01..2022-08',
    };
    const printed = {
      status: 'number',
      value: 98.87,
      unit: 'percent',
      decimals: 2,
      raw: '98.87',
    } as const;
    expect(
      checkRate({
        ...base,
        numerator: exact.fromNumber(5769),
        denominator: exact.fromNumber(5835),
        printed,
      }),
    ).toBeUndefined();
    expect(
      checkRate({ ...base, numerator: exact.ZERO, denominator: exact.ZERO, printed }),
    ).toBeUndefined();
    expect(
      checkRate({
        ...base,
        indicator: 'no_such_indicator',
        numerator: exact.ONE,
        denominator: exact.fromNumber(3),
        printed,
      }),
    ).toBeUndefined();
  });
});

describe('checkTableRates', () => {
  const spec = defineTable({
    name: 'test-annex-1',
    unit: { header: '单位' },
    columns: {
      items: { header: '事项总数', kind: 'count', measure: 'items' },
      legal: { header: '法定时限', kind: 'count', measure: 'time_limit.legal_days' },
      promised: { header: '承诺时限', kind: 'count', measure: 'time_limit.promised_days' },
      immediate: { header: '即办件', kind: 'count', measure: 'items.immediate' },
      share: { header: '即办件事项占比', kind: 'percent', indicator: 'immediate_item_share' },
      compression: { header: '压缩比例', kind: 'percent', indicator: 'time_limit_compression' },
    },
  });

  async function tableOf(rows: (string | number)[][]) {
    const bytes = await buildXlsx([
      {
        name: '附件1',
        rows: [
          ['殷都区2023年6月事项情况'],
          ['单位', '事项总数', '法定时限', '承诺时限', '即办件', '即办件事项占比', '压缩比例'],
          ...rows,
        ],
      },
    ]);
    const grid = await readGrid({ name: 'yindu.xlsx', bytes });
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    return readTable(sheet, spec, { file: 'yindu.xlsx' });
  }

  it('flags 公安分局 44.44% for 64 of 143 items, and nothing in the rows its counts give', async () => {
    const table = await tableOf([
      ['区公安分局', 143, 1200, 300, 64, '44.44%', '75.00%'],
      ['区退役军人局', 40, 4320, 40, 12, '30.00%', '99.07%'],
    ]);
    const warnings = checkTableRates(table, '2023-06');
    expect(warnings.map((w) => [w.code, w.provenance?.row, w.provenance?.column])).toEqual([
      [RATE_MISMATCH, 3, 'F'],
    ]);
    expect(warnings[0]?.message).toContain(
      'yindu.xlsx, sheet "附件1", row 3, column F (即办件事项占比): 区公安分局 即办件占比 is printed 44.44%, but 64 / 143 gives 44.755244…, rounded half-up to 44.76',
    );
  });

  it('checks a complement rate as 1 − promised / legal', async () => {
    const table = await tableOf([['区民政局', 10, 170, 3, 5, '50.00%', '98.23%']]);
    const [warning] = checkTableRates(table, '2023-06');
    expect(warning?.message).toContain(
      '承诺时限压缩比 is printed 98.23%, but 1 − 3 / 170 gives 98.235294…, rounded half-up to 98.24; truncating gives the printed figure',
    );
  });

  it('does not check a row that lacks a count or prints "/"', async () => {
    const table = await tableOf([['区审计局', 12, '/', 3, '-', '44.44%', '12.00%']]);
    expect(checkTableRates(table, '2023-06')).toEqual([]);
  });
});
