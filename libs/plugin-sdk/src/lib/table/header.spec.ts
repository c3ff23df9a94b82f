import { buildSheet } from '../grid/grid';
import type { GridSheet } from '../grid/grid';
import { normaliseLabel, sameLabel } from '../text/normalise';
import { composeHeader, findHeaderBlock, matchColumns } from './header';

/** A sheet from plain rows (strings; '' = empty), with optional merges. */
function sheetOf(rows: string[][], merges: string[] = []): GridSheet {
  const cells = new Map<number, Map<number, { type: 'string'; text: string }>>();
  rows.forEach((row, r) => {
    const rowCells = new Map<number, { type: 'string'; text: string }>();
    row.forEach((text, c) => {
      if (text !== '') rowCells.set(c + 1, { type: 'string', text });
    });
    cells.set(r + 1, rowCells);
  });
  return buildSheet({ name: 'S', cells, merges });
}

describe('normaliseLabel', () => {
  it.each([
    ['线下参评率 (%)', '线下参评率'],
    ['线下参评率（%）', '线下参评率'],
    ['线下参评率%', '线下参评率'],
    ['线下\n参评率', '线下参评率'],
    ['即办件事 项数', '即办件事项数'],
    ['法定时限 (工作日)', '法定时限'],
    ['咨询(件)', '咨询'],
    ['“互联网+监管”', '互联网+监管'],
    ['ＡＢＣ　办件量', 'abc办件量'],
    ['【合计】', '(合计)'],
    ['(%)', '(%)'],
  ])('normalises %j to %j', (label, key) => {
    expect(normaliseLabel(label)).toBe(key);
  });

  it('compares labels after normalisation', () => {
    expect(sameLabel('梳理 完成率', '梳理完成率')).toBe(true);
    expect(sameLabel('办件量', '累计办件量')).toBe(false);
  });
});

describe('composeHeader', () => {
  const rows = [
    ['序号', '区划/部门', '子项数', '', '', '', '子项覆盖率'],
    ['', '', '行政检查', '', '行政处罚', '', ''],
    ['', '', '个数', '覆盖数', '个数', '覆盖数', ''],
  ];

  it('composes paths from merged cells', () => {
    const sheet = sheetOf(rows, ['A1:A3', 'B1:B3', 'C1:F1', 'C2:D2', 'E2:F2', 'G1:G3']);
    expect(composeHeader(sheet, 1, 3).columns.map((c) => c.path)).toEqual([
      ['序号'],
      ['区划/部门'],
      ['子项数', '行政检查', '个数'],
      ['子项数', '行政检查', '覆盖数'],
      ['子项数', '行政处罚', '个数'],
      ['子项数', '行政处罚', '覆盖数'],
      ['子项覆盖率'],
    ]);
  });

  it('composes the same paths from a csv that left merged areas empty', () => {
    const block = composeHeader(sheetOf(rows), 1, 3);
    expect(block.columns.map((c) => c.label)).toEqual([
      '序号',
      '区划/部门',
      '子项数 / 行政检查 / 个数',
      '子项数 / 行政检查 / 覆盖数',
      '子项数 / 行政处罚 / 个数',
      '子项数 / 行政处罚 / 覆盖数',
      '子项覆盖率',
    ]);
  });

  it('does not invent labels for trailing empty columns', () => {
    const block = composeHeader(
      sheetOf([
        ['单位', '办件量', ''],
        ['审批局', '5867', '新增'],
      ]),
      1,
      1,
    );
    expect(block.columns.map((c) => c.path)).toEqual([['单位'], ['办件量'], []]);
  });
});

describe('matchColumns and findHeaderBlock', () => {
  const sheet = sheetOf(
    [
      ['殷都区“互联网+监管”数据汇集情况统计表', '', '', '', '', '', ''],
      ['2023年7月10日', '', '', '', '', '', ''],
      ['序号', '区划/部门', '子项数', '', '', '', '子项覆盖率'],
      ['', '', '行政检查', '', '行政处罚', '', ''],
      ['', '', '个数', '覆盖数', '个数', '覆盖数', ''],
      ['', '安阳市', '4785', '1876', '10097', '4162', '45.39%'],
      ['1', '区商务局', '2', '2', '7', '7', '100.00%'],
    ],
    ['A1:G1', 'A2:G2'],
  );
  const requirements = [
    { synonyms: '区划/部门', required: true, multiple: true },
    { synonyms: [['行政检查', '个数']], required: true, multiple: false },
    { synonyms: [['行政处罚', '覆盖数']], required: true, multiple: false },
    { synonyms: ['子项覆盖率'], required: true, multiple: false },
  ];

  it('finds a three-row header under a title and a date line', () => {
    const result = findHeaderBlock(sheet, requirements);
    expect(result.block && [result.block.top, result.block.bottom]).toEqual([3, 5]);
  });

  it('matches a synonym path against the end of a column path only', () => {
    const block = composeHeader(sheet, 3, 5);
    expect(matchColumns(block, [['行政检查', '个数']]).map((c) => c.letter)).toEqual(['C']);
    expect(matchColumns(block, ['个数']).map((c) => c.letter)).toEqual(['C', 'E']);
    expect(matchColumns(block, [['检查', '个数']])).toEqual([]);
  });

  it('reports the missing column when most of the header is there', () => {
    const result = findHeaderBlock(sheet, [
      ...requirements,
      { synonyms: '汇聚数', required: true, multiple: false },
    ]);
    expect(result.block).toBeUndefined();
    expect(result.partial?.missing.map((m) => m.synonyms)).toEqual(['汇聚数']);
  });
});
