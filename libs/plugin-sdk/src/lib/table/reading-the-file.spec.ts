import { BatchBuilder } from '../batch/builder';
import { AdapterError } from '../contract/errors';
import { scoreTable } from '../detect/detect';
import { readGrid } from '../grid/read-grid';
import type { Grid, GridSheet } from '../grid/grid';
import { buildXlsx } from '../testing/workbook-builder';
import type { CellInput, SheetInput } from '../testing/workbook-builder';
import { unitFromLabel, unitFromNumberFormat, unitFromTitle } from '../values/units';
import { describeMatch } from './header';
import { labelVariants } from './synonyms';
import { defineTable, readTable } from './table';

/** Reading what the file says: synonyms, units, totals-only tables, unread sheets. */

const FILE = 'county.xlsx';

async function gridOf(sheets: SheetInput[]): Promise<{ grid: Grid; bytes: Uint8Array }> {
  const bytes = await buildXlsx(sheets);
  return { grid: await readGrid({ name: FILE, bytes }), bytes };
}

async function sheetOf(rows: CellInput[][]): Promise<GridSheet> {
  const { grid } = await gridOf([{ name: '附件2', rows }]);
  return grid.sheets[0] as GridSheet;
}

const reviews = defineTable({
  name: 'reviews',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    cases: { header: '办件量', kind: 'count', measure: 'cases' },
    evaluations: { header: '评价数', kind: 'count', measure: 'evaluations' },
    satisfaction: { header: '满意率', kind: 'percent', indicator: 'satisfaction' },
  },
});

function errorOf(body: () => unknown): AdapterError {
  try {
    body();
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected an AdapterError');
}

describe('synonym catalogue', () => {
  it('a mapping that says 办件量 reads 办件数, 评价数 reads 评价次数, 满意率 reads 满意度 (%)', async () => {
    const sheet = await sheetOf([
      ['部门名称', '办件数', '评价次数', '满意度(%)'],
      ['审批局', 5835, 5769, '100%'],
      ['合计', 5835, 5769, '100%'],
    ]);
    const table = readTable(sheet, reviews, { file: FILE });
    expect(table.rows[0]?.unitName).toBe('审批局');
    expect(table.rows[0]?.values['cases']?.value).toMatchObject({ value: 5835 });
    expect(table.rows[0]?.values['evaluations']?.value).toMatchObject({ value: 5769 });
    expect(table.unitMatches?.map(describeMatch)).toEqual(["synonym '部门名称' of '单位/部门'"]);
    expect(describeMatch(table.matches?.['cases'] as never)).toBe("synonym '办件数' of '办件量'");
    expect(describeMatch(table.matches?.['evaluations'] as never)).toBe(
      "synonym '评价次数' of '评价数'",
    );
    expect(describeMatch(table.matches?.['satisfaction'] as never)).toBe(
      "synonym '满意度' of '满意率'",
    );
  });

  it('records exact and normalised matches apart', async () => {
    const sheet = await sheetOf([
      ['单位', '办件量', '评价数', '满意率 （%）'],
      ['审批局', 1, 1, '100%'],
    ]);
    const table = readTable(sheet, reviews, { file: FILE });
    expect(table.matches?.['cases']?.how).toBe('exact');
    expect(table.matches?.['satisfaction']?.how).toBe('normalised');
  });

  it("the mapping's own words win: 办件量 is never shadowed by a 受理量 column beside it", async () => {
    const sheet = await sheetOf([
      ['单位', '办件量', '受理量', '评价数', '满意率'],
      ['审批局', 10, 12, 9, '100%'],
    ]);
    const table = readTable(sheet, reviews, { file: FILE });
    expect(table.columns['cases']?.letter).toBe('B');
    expect(table.warnings.map((w) => w.code)).toEqual(['UNKNOWN_COLUMN']);
  });

  it('two columns that are both synonyms of one mapping word are an error naming both', async () => {
    const sheet = await sheetOf([
      ['单位', '办件数', '受理量', '评价数', '满意率'],
      ['审批局', 10, 12, 9, '100%'],
    ]);
    const error = errorOf(() => readTable(sheet, reviews, { file: FILE }));
    expect(error.code).toBe('AMBIGUOUS_COLUMN');
    expect(error.message).toContain(
      "the header \"办件量\" matches 2 columns through the synonym catalogue (B: 办件数 as synonym '办件数' of '办件量'; C: 受理量 as synonym '受理量' of '办件量')",
    );
  });

  it('a plugin extends the catalogue for its tables', async () => {
    const sheet = await sheetOf([
      ['单位', '收件量', '评价数', '满意率'],
      ['审批局', 10, 9, '100%'],
    ]);
    expect(errorOf(() => readTable(sheet, reviews, { file: FILE })).code).toBe('MISSING_COLUMN');
    const extended = defineTable({ ...reviews, synonyms: [['办件量', '收件量']] });
    const table = readTable(sheet, extended, { file: FILE });
    expect(table.rows[0]?.values['cases']?.value).toMatchObject({ value: 10 });
    expect(table.matches?.['cases']?.synonym).toBe('收件量');
  });

  it('variants replace one catalogue word inside a longer label', () => {
    const labels = labelVariants('线上办件数').map((v) => v.label);
    expect(labels).toEqual(expect.arrayContaining(['线上办件量', '线上受理量']));
    expect(labelVariants('事项覆盖率').map((v) => v.label)).toContain('事项覆盖度');
  });
});

describe('units of measure', () => {
  it.each([
    ['办件量(万件)', '万件', 10000],
    ['办件量（件）', '件', 1],
    ['法定时限(工作日)', '工作日', 1],
    ['累计公出（小时）', '小时', 1],
    ['线下参评率 (%)', '%', 1],
    ['满意度%', '%', 1],
    ['事项数（单位：个）', '个', 1],
  ])('the header %j states %j', (label, symbol, scale) => {
    expect(unitFromLabel(label)).toMatchObject({ symbol, scale });
  });

  it('a bracket that is not a unit states none', () => {
    expect(unitFromLabel('办件量(含测试件)')).toBeUndefined();
    expect(unitFromLabel('办件量')).toBeUndefined();
  });

  it('reads the title line and the number format', () => {
    expect(unitFromTitle(['灵武市各渠道办件量', '单位：万件'])).toMatchObject({ scale: 10000 });
    expect(unitFromTitle(['填报单位：灵武市政务服务管理局'])).toBeUndefined();
    expect(unitFromNumberFormat('0.00"万件"')).toMatchObject({ symbol: '万件', scale: 10000 });
    expect(unitFromNumberFormat('0.00%')).toMatchObject({ symbol: '%' });
    expect(unitFromNumberFormat('#,##0')).toBeUndefined();
  });

  const volumes = defineTable({
    name: 'volumes',
    unit: { header: '单位' },
    columns: { cases: { header: '办件量', kind: 'count', measure: 'cases' } },
  });

  it('a count column printed in 万件 by its number format is stored in 件', async () => {
    const sheet = await sheetOf([
      ['单位', '办件量'],
      ['审批局', { value: 1.25, numFmt: '0.00"万件"' }],
    ]);
    const table = readTable(sheet, volumes, { file: FILE });
    expect(table.rows[0]?.values['cases']?.value).toMatchObject({ value: 12500, unit: 'count' });
    expect(table.units?.['cases']?.source).toBe('number-format');
  });

  it('a count column under 办件量(万件) with 2.5 is 25000 cases', async () => {
    const sheet = await sheetOf([
      ['单位', '办件量(万件)'],
      ['审批局', 2.5],
    ]);
    const table = readTable(sheet, volumes, { file: FILE });
    expect(table.rows[0]?.values['cases']?.value).toEqual({
      status: 'number',
      value: 25000,
      unit: 'count',
      decimals: 0,
      raw: '2.5',
    });
  });

  it('a mapping default that names no real unit is refused when the plugin loads', () => {
    expect(() =>
      defineTable({
        name: 'x',
        columns: { a: { header: 'a', kind: 'number', unit: '斤两' } },
      }),
    ).toThrow('column "a" has the unknown unit "斤两"');
  });
});

describe('a table with only its 合计 row', () => {
  it("is the region's own figures, not an empty table", async () => {
    const sheet = await sheetOf([
      ['灵武市 2022年上半年 好差评'],
      ['单位', '办件量', '评价数', '满意率'],
      ['合计', 4288, 4084, '99.90%'],
    ]);
    const table = readTable(sheet, reviews, { file: FILE });
    expect(table.totalsOnly).toBe(true);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ kind: 'total', label: '合计', covers: [] });
    const { bytes } = await gridOf([{ name: '附件2', rows: [] }]);
    const batch = new BatchBuilder({
      manifest: { id: 'test', version: '1' },
      reportKind: 'reviews',
      file: { name: FILE, bytes },
      period: '2022-H1',
      regionCode: '640181',
    })
      .addTable(table)
      .build();
    expect(batch.measures).toEqual([]);
    expect(
      batch.totals[0]?.values.map((v) => [v.code, v.value.status === 'number' && v.value.value]),
    ).toEqual([
      ['cases', 4288],
      ['evaluations', 4084],
      ['satisfaction', 99.9],
    ]);
  });

  it('a header with no row at all is still an empty table', async () => {
    const sheet = await sheetOf([['单位', '办件量', '评价数', '满意率']]);
    expect(errorOf(() => readTable(sheet, reviews, { file: FILE })).code).toBe('EMPTY_TABLE');
  });
});

describe('sheets that were not read', () => {
  const review: CellInput[][] = [
    ['单位', '办件量', '评价数', '满意率'],
    ['审批局', 10, 9, '90%'],
  ];

  async function batchOf(sheets: SheetInput[]) {
    const { grid, bytes } = await gridOf(sheets);
    // Detection scores every sheet, as every adapter's chooser does.
    scoreTable(grid, { reportKind: 'reviews', spec: reviews });
    const sheet = grid.sheets.find((s) => s.name === '附件2') as GridSheet;
    return new BatchBuilder({
      manifest: { id: 'test', version: '1' },
      reportKind: 'reviews',
      file: { name: FILE, bytes },
      period: '2022-08',
      regionCode: '640106',
    })
      .addTable(readTable(sheet, reviews, { file: FILE }))
      .build();
  }

  it('are named, with the reason, and blank sheets are not', async () => {
    const batch = await batchOf([
      { name: '附件2', rows: review },
      { name: 'Sheet2', rows: [['制表：张三'], ['联系电话', '0951-0000000']] },
      { name: '附件3', rows: review },
      { name: 'Sheet3', rows: [] },
    ]);
    expect(batch.warnings.filter((w) => w.code === 'SHEET_NOT_READ').map((w) => w.message)).toEqual(
      [
        'county.xlsx, sheet "Sheet2" was not read: no table of this adapter\'s report kinds found',
        'county.xlsx, sheet "附件3" was not read: it looks like a reviews table (confidence 0.90), and this file was read as reviews from sheet "附件2"; import the sheet on its own, choosing that report kind',
      ],
    );
    expect(batch.warnings.find((w) => w.code === 'SHEET_NOT_READ')?.provenance).toEqual({
      file: FILE,
      sheet: 'Sheet2',
    });
  });

  it('a workbook whose only sheet was read has no such warning', async () => {
    const batch = await batchOf([{ name: '附件2', rows: review }]);
    expect(batch.warnings.map((w) => w.code)).toEqual([]);
  });
});
