import { buildXlsx } from '@efficacy/plugin-sdk/testing';
import type { CellInput } from '@efficacy/plugin-sdk/testing';
import type { NormalisedBatch, TotalRecord } from '@efficacy/plugin-sdk';

import { ningxiaAdapter } from '../ningxia.adapter';

/**
 * Lingwu's channels table (灵武市 2022 H1, 一、总体运行情况) in the units a county may print:
 * 万件 as the text does, 件 as a platform export does, or no unit at all. The unit comes from
 * the file; a number whose magnitude contradicts it is flagged, never silently rescaled.
 */
async function channels(
  casesHeader: string,
  figures: readonly [number, number, number, number, number, number],
  title = '灵武市政务服务2022年上半年各渠道办件量及占比',
): Promise<NormalisedBatch> {
  const [window, township, online, fully, mobile, total] = figures;
  const rows: CellInput[][] = [
    [title],
    ['序号', '办件渠道', casesHeader, '占全市办件量比例'],
    [1, '窗口办件', window, '88%'],
    [2, '各乡镇(街道)及村(社区)办件', township, '12%'],
    [3, '“一网通办”综合服务平台(宁夏政务服务网)办件', online, '5%'],
    [4, '全程网办办件', fully, '11.7%'],
    [5, '掌上办办件', mobile, '3.3%'],
    ['合计', null, total, null],
  ];
  const bytes = await buildXlsx([{ name: '办件渠道', rows, merges: ['A1:D1', 'A8:B8'] }]);
  return ningxiaAdapter.parse({ name: 'lingwu-channels.xlsx', bytes });
}

const WAN: [number, number, number, number, number, number] = [30.6, 4.32, 1.74, 4.08, 1.15, 34.9];
const CASES: [number, number, number, number, number, number] = [
  306000, 43200, 17400, 40800, 11500, 349200,
];

function row(batch: NormalisedBatch, label: string): TotalRecord {
  const found = batch.totals.find((t) => t.label === label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

function cases(batch: NormalisedBatch, label: string): unknown {
  return row(batch, label).values.find((v) => v.codeKind === 'measure')?.value;
}

describe('Lingwu channels: the unit of 办件量 comes from the file', () => {
  it('办件量(万件): 30.6 is 306000 cases, raw keeps 30.6, the report says × 10000 from the header', async () => {
    const batch = await channels('办件量(万件)', WAN);
    expect(cases(batch, '窗口办件')).toEqual({
      status: 'number',
      value: 306000,
      unit: 'count',
      decimals: 0,
      raw: '30.6',
    });
    expect(cases(batch, '合计')).toMatchObject({ value: 349000, raw: '34.9' });
    expect(batch.warnings.map((w) => w.code)).toEqual(['CHANNEL_SUM_MISMATCH']);
    const report = batch.headerMatches?.find((m) => m.key === 'cases');
    expect(report).toMatchObject({
      header: '办件量(万件)',
      column: 'C',
      match: 'normalised',
      wanted: '办件量',
      unit: { symbol: '万件', base: '件', scale: 10000, source: 'header' },
    });
    expect(report?.description).toBe(
      "C 办件量(万件) → cases (normalised from '办件量', in 万件 (× 10000 → 件) from the header)",
    );
  });

  it('办件量(件): 306000 is read as printed, not multiplied by 10 000', async () => {
    const batch = await channels('办件量(件)', CASES);
    expect(cases(batch, '窗口办件')).toEqual({
      status: 'number',
      value: 306000,
      unit: 'count',
      decimals: 0,
      raw: '306000',
    });
    expect(cases(batch, '合计')).toMatchObject({ value: 349200 });
    // 306000 + 43200 = 349200: nothing to flag in whole cases.
    expect(batch.warnings).toEqual([]);
    expect(batch.headerMatches?.find((m) => m.key === 'cases')?.unit).toEqual({
      symbol: '件',
      base: '件',
      scale: 1,
      source: 'header',
    });
  });

  it('30.6 under 办件量(件) is flagged with its cell, and stays 30.6', async () => {
    const batch = await channels('办件量(件)', WAN);
    expect(cases(batch, '窗口办件')).toMatchObject({ value: 30.6, raw: '30.6' });
    const flagged = batch.warnings.filter((w) => w.code === 'UNIT_MAGNITUDE');
    expect(flagged.map((w) => w.provenance?.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(flagged[0]?.message).toBe(
      'lingwu-channels.xlsx, sheet "办件渠道", row 3, column C (办件量(件)): 30.6 under 办件量(件) (件, from the header) contradicts the unit: a fraction of 件 is not a count; the number looks printed in 万件; check the file',
    );
  });

  it('306000 under 办件量(万件) is flagged, not silently rescaled', async () => {
    const batch = await channels('办件量(万件)', CASES);
    const flagged = batch.warnings.filter((w) => w.code === 'UNIT_MAGNITUDE');
    expect(flagged).toHaveLength(6);
    expect(flagged[0]?.provenance).toEqual({
      file: 'lingwu-channels.xlsx',
      sheet: '办件渠道',
      row: 3,
      column: 'C',
      columnIndex: 3,
      header: '办件量(万件)',
    });
    expect(flagged[0]?.message).toContain(
      '306000 under 办件量(万件) (万件, from the header) contradicts the unit: it reads as 3060000000 件',
    );
  });

  it('no unit in the header: the mapping default 万件 applies when the numbers fit it', async () => {
    const batch = await channels('办件量', WAN);
    expect(cases(batch, '窗口办件')).toMatchObject({ value: 306000, raw: '30.6' });
    expect(batch.headerMatches?.find((m) => m.key === 'cases')?.unit?.source).toBe('default');
    expect(batch.warnings.map((w) => w.code)).toEqual(['CHANNEL_SUM_MISMATCH']);
  });

  it('no unit in the header and 306000: the default does not apply, read as printed and flagged', async () => {
    const batch = await channels('办件量', CASES);
    expect(cases(batch, '窗口办件')).toMatchObject({ value: 306000, raw: '306000' });
    expect(batch.warnings.map((w) => w.code)).toEqual(['UNIT_DEFAULT_NOT_APPLIED']);
    expect(batch.warnings[0]?.message).toContain(
      "row 3, column C (办件量): the column states no unit, and 306000 does not fit the mapping's 万件",
    );
  });

  it('a "单位：件" line above the table states the unit for the whole table', async () => {
    const batch = await channels(
      '办件量',
      CASES,
      '灵武市政务服务2022年上半年各渠道办件量及占比（单位：件）',
    );
    expect(cases(batch, '窗口办件')).toMatchObject({ value: 306000 });
    expect(batch.warnings).toEqual([]);
    expect(batch.headerMatches?.find((m) => m.key === 'cases')?.unit?.source).toBe('title');
  });

  it('a synonym header (办件数) is read as 办件量, and the report says so', async () => {
    const batch = await channels('办件数(件)', CASES);
    expect(cases(batch, '窗口办件')).toMatchObject({ value: 306000 });
    expect(batch.headerMatches?.find((m) => m.key === 'cases')).toMatchObject({
      match: 'synonym',
      synonym: '办件数',
      wanted: '办件量',
    });
  });
});
