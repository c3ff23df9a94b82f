import { AdapterError } from '../contract/errors';
import { readGrid } from '../grid/read-grid';
import type { GridSheet } from '../grid/grid';
import { buildCsv, buildXlsx } from '../testing/workbook-builder';
import type { SheetInput } from '../testing/workbook-builder';
import { classifyRow } from './rows';
import { defineTable, readTable } from './table';

// Jinfeng 2022 1-8月, annex 2 as printed in the bulletin (figures are public facts).
const JINFENG_HEADER = [
  '序号',
  '单位/部门',
  '办件量',
  '线上办件数',
  '线下办件数',
  '线下评价数',
  '线下参评率 (%)',
  '满意度 (%)',
];
const JINFENG_ROWS: (string | number)[][] = [
  [1, '审批局', 5867, 32, 5835, 5769, 98.87, 100],
  [2, '国家税务总局银川市金凤区税务局', 6196, 6196, 0, '/', '/', 100],
  [3, '金凤区残疾人联合会', 66, 0, 66, 35, 53.03, 100],
];
const JINFENG_TOTAL = ['合计', null, 12129, 6228, 5901, 5804, 98.35, 100];

const jinfengSpec = defineTable({
  name: 'annex-2-good-bad-review',
  unit: { header: ['单位/部门', '单位', '部门'] },
  columns: {
    cases: { header: '办件量', kind: 'count', measure: 'cases.total' },
    online: { header: ['线上办件数', '线上办件量'], kind: 'count', measure: 'cases.online' },
    offline: { header: '线下办件数', kind: 'count', measure: 'cases.offline' },
    evaluated: { header: '线下评价数', kind: 'count', measure: 'evaluations.offline' },
    rate: {
      header: ['线下参评率', '线下评价率'],
      kind: 'percent',
      indicator: 'evaluation.offline_rate',
    },
    satisfaction: { header: '满意度', kind: 'percent', indicator: 'satisfaction', required: false },
  },
});

function jinfengSheet(overrides: Partial<SheetInput> = {}, body = JINFENG_ROWS): SheetInput {
  return {
    name: '附件2',
    rows: [
      ['附件2:'],
      ['金凤区2022年1-8月政务服务系统各单位“好差评”情况'],
      JINFENG_HEADER,
      ...body,
      JINFENG_TOTAL,
      ['备注：标“/”单位评价系统未联通。'],
      ['本站已启用无障碍浏览系统'],
    ],
    merges: ['A2:H2', 'A7:B7', 'A8:H8'],
    ...overrides,
  };
}

async function sheetFrom(input: SheetInput, name = '金凤区-好差评.xlsx'): Promise<GridSheet> {
  const grid = await readGrid({ name, bytes: await buildXlsx([input]) });
  const sheet = grid.sheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

async function refusal(body: () => Promise<unknown> | unknown): Promise<AdapterError> {
  try {
    await body();
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected an AdapterError');
}

describe('readTable on the Jinfeng 好差评 annex', () => {
  it('reads data rows, value states and the 合计 row, and stops at the note', async () => {
    const table = readTable(await sheetFrom(jinfengSheet()), jinfengSpec, {
      file: '金凤区-好差评.xlsx',
    });
    expect([table.header.top, table.header.bottom, table.endRow]).toEqual([3, 3, 8]);
    expect(table.rows.map((row) => [row.row, row.kind, row.unitName, row.serial ?? null])).toEqual([
      [4, 'data', '审批局', '1'],
      [5, 'data', '国家税务总局银川市金凤区税务局', '2'],
      [6, 'data', '金凤区残疾人联合会', '3'],
      [7, 'total', '', null],
    ]);
    const tax = table.rows[1];
    expect(tax?.values['evaluated']).toEqual({
      value: { status: 'not_connected', raw: '/' },
      provenance: {
        file: '金凤区-好差评.xlsx',
        sheet: '附件2',
        row: 5,
        column: 'F',
        columnIndex: 6,
      },
    });
    expect(tax?.values['offline']?.value).toEqual({
      status: 'number',
      value: 0,
      unit: 'count',
      decimals: 0,
      raw: '0',
    });
    expect(table.rows[0]?.values['rate']?.value).toEqual({
      status: 'number',
      value: 98.87,
      unit: 'percent',
      decimals: 2,
      raw: '98.87',
    });
    expect(table.rows[3]).toMatchObject({
      kind: 'total',
      label: '合计',
      unitPath: [],
      covers: [4, 5, 6],
    });
    expect(table.warnings).toEqual([]);
  });

  it('reads the same table from a GBK csv with merged areas left empty', async () => {
    const csv = buildCsv(
      [
        ['金凤区2022年1-8月政务服务系统各单位“好差评”情况'],
        JINFENG_HEADER,
        ...JINFENG_ROWS,
        JINFENG_TOTAL,
        ['备注：标“/”单位评价系统未联通。'],
      ],
      { encoding: 'gbk' },
    );
    const grid = await readGrid({ name: '金凤区-好差评.csv', bytes: csv });
    const table = readTable(grid.sheets[0] as GridSheet, jinfengSpec, {
      file: '金凤区-好差评.csv',
    });
    expect(table.rows.map((row) => [row.kind, row.unitName])).toEqual([
      ['data', '审批局'],
      ['data', '国家税务总局银川市金凤区税务局'],
      ['data', '金凤区残疾人联合会'],
      ['total', ''],
    ]);
  });

  it('refuses a csv line that stops early instead of reading missing values', async () => {
    const csv = buildCsv(
      [
        JINFENG_HEADER,
        ...JINFENG_ROWS.slice(0, 2),
        (JINFENG_ROWS[2] as (string | number)[]).slice(0, 5),
      ],
      {
        encoding: 'gbk',
      },
    );
    const grid = await readGrid({ name: 'short.csv', bytes: csv });
    const error = await refusal(() =>
      readTable(grid.sheets[0] as GridSheet, jinfengSpec, { file: 'short.csv' }),
    );
    expect(error.code).toBe('SHORT_ROW');
    expect(error.message).toBe(
      'short.csv, sheet "short", row 4, column F (线下评价数): the line ends after 5 fields, but the table has 8 columns; the file is truncated or a separator is missing',
    );
  });

  it('names file, sheet, row and column of a bad number', async () => {
    const body = JINFENG_ROWS.map((row) => [...row]);
    (body[2] as (string | number)[])[5] = '12O09';
    const sheet = await sheetFrom(jinfengSheet({}, body));
    const error = await refusal(() =>
      readTable(sheet, jinfengSpec, { file: '金凤区-好差评.xlsx' }),
    );
    expect(error.code).toBe('BAD_NUMBER');
    expect(error.message).toBe(
      '金凤区-好差评.xlsx, sheet "附件2", row 6, column F (线下评价数): "12O09" is not a number',
    );
    expect(error.location).toEqual({
      file: '金凤区-好差评.xlsx',
      sheet: '附件2',
      row: 6,
      column: 'F',
      columnIndex: 6,
      header: '线下评价数',
    });
  });

  it('reports a missing required column with the header row', async () => {
    const header = JINFENG_HEADER.filter((label) => label !== '线下评价数');
    const body = JINFENG_ROWS.map((row) => row.filter((_v, i) => i !== 5));
    const sheet = await sheetFrom({ name: '附件2', rows: [['标题'], header, ...body] });
    const error = await refusal(() => readTable(sheet, jinfengSpec, { file: 'm.xlsx' }));
    expect(error.code).toBe('MISSING_COLUMN');
    expect(error.message).toBe(
      'm.xlsx, sheet "附件2", row 2: the header (row 2) has no column "线下评价数"',
    );
  });

  it('tolerates a missing optional column', async () => {
    const sheet = await sheetFrom({
      name: '附件2',
      rows: [JINFENG_HEADER.slice(0, 7), ...JINFENG_ROWS.map((r) => r.slice(0, 7))],
    });
    const table = readTable(sheet, jinfengSpec, { file: 'o.xlsx' });
    expect(Object.keys(table.columns)).not.toContain('satisfaction');
    expect(table.rows).toHaveLength(3);
  });

  it('reports HEADER_NOT_FOUND for an unrelated sheet', async () => {
    const sheet = await sheetFrom({ name: 'S', rows: [['完全无关'], [1, 2, 3]] });
    const error = await refusal(() => readTable(sheet, jinfengSpec, { file: 'x.xlsx' }));
    expect(error.code).toBe('HEADER_NOT_FOUND');
    expect(error.message).toBe(
      'x.xlsx, sheet "S": no header row with the columns 单位/部门, 办件量, 线上办件数, 线下办件数 found in the first 30 rows',
    );
  });

  it('refuses a header that matches twice', async () => {
    const sheet = await sheetFrom({
      name: 'S',
      rows: [
        [...JINFENG_HEADER, '办件量'],
        [...(JINFENG_ROWS[0] as number[]), 1],
      ],
    });
    const error = await refusal(() => readTable(sheet, jinfengSpec, { file: 'a.xlsx' }));
    expect(error.code).toBe('AMBIGUOUS_COLUMN');
    expect(error.location).toMatchObject({ row: 1, column: 'I' });
  });

  it('refuses a data row without a unit name', async () => {
    const sheet = await sheetFrom({
      name: 'S',
      rows: [JINFENG_HEADER, [4, null, 1, 1, 0, 0, 0, 100]],
    });
    const error = await refusal(() => readTable(sheet, jinfengSpec, { file: 'u.xlsx' }));
    expect(error.message).toBe(
      'u.xlsx, sheet "S", row 2, column B (单位/部门): the row has values but no unit name',
    );
  });

  it('refuses a header without data', async () => {
    const sheet = await sheetFrom({ name: 'S', rows: [JINFENG_HEADER, ['注：无数据']] });
    expect((await refusal(() => readTable(sheet, jinfengSpec, { file: 'e.xlsx' }))).code).toBe(
      'EMPTY_TABLE',
    );
  });

  it('warns about a formula saved without its result, and about unread columns', async () => {
    const sheet = await sheetFrom({
      name: 'S',
      rows: [
        [...JINFENG_HEADER, '备注'],
        [1, '审批局', { formula: 'D2+E2' }, 32, 5835, 5769, 98.87, 100, '新增'],
      ],
    });
    const table = readTable(sheet, jinfengSpec, { file: 'w.xlsx' });
    expect(table.rows[0]?.values['cases']?.value).toEqual({ status: 'missing', raw: '' });
    expect(table.warnings).toEqual([
      {
        code: 'FORMULA_NOT_CACHED',
        message:
          'w.xlsx, sheet "S", row 2, column C (办件量): formula =D2+E2 has no saved result (the file was not recalculated before saving); read as missing',
        provenance: {
          file: 'w.xlsx',
          sheet: 'S',
          row: 2,
          column: 'C',
          columnIndex: 3,
          header: '办件量',
        },
      },
      {
        code: 'UNKNOWN_COLUMN',
        message:
          'w.xlsx, sheet "S", column I (备注): the column holds data this adapter does not read',
        provenance: {
          file: 'w.xlsx',
          sheet: 'S',
          row: 1,
          column: 'I',
          columnIndex: 9,
          header: '备注',
        },
      },
    ]);
  });

  it('imports a hidden data row and says so', async () => {
    const sheet = await sheetFrom({
      name: 'S',
      rows: [JINFENG_HEADER, ...JINFENG_ROWS],
      hiddenRows: [3],
    });
    const table = readTable(sheet, jinfengSpec, { file: 'h.xlsx' });
    expect(table.rows.map((r) => r.unitName)).toContain('国家税务总局银川市金凤区税务局');
    expect(table.warnings).toEqual([
      {
        code: 'HIDDEN_ROW',
        message: 'h.xlsx, sheet "S", row 3: the row is hidden in the workbook but is imported',
        provenance: { file: 'h.xlsx', sheet: 'S', row: 3 },
      },
    ]);
  });

  it('skips a header repeated after a page break', async () => {
    const sheet = await sheetFrom({
      name: 'S',
      rows: [
        JINFENG_HEADER,
        JINFENG_ROWS[0] as number[],
        JINFENG_HEADER,
        JINFENG_ROWS[2] as number[],
      ],
    });
    expect(readTable(sheet, jinfengSpec, { file: 'p.xlsx' }).rows.map((r) => r.row)).toEqual([
      2, 4,
    ]);
  });
});

describe('readTable on grouped tables', () => {
  const attendanceSpec = defineTable({
    name: 'annex-8-attendance',
    unit: { header: '单位' },
    columns: {
      staff: { header: '入驻总人数', kind: 'count', measure: 'staff.stationed' },
      leave: { header: '请假人数', kind: 'count', measure: 'staff.on_leave' },
      ratio: { header: '请假人数比例', kind: 'percent', indicator: 'staff.leave_ratio' },
      leaveDays: { header: '累计请假天数', kind: 'number', measure: 'staff.leave_days' },
    },
  });

  it('tells subtotals, a section row and the grand total apart and records what each covers', async () => {
    const sheet = await sheetFrom({
      name: '附件8',
      rows: [
        ['序号', '单位', '入驻总人数', '请假人数', '请假人数比例', '累计请假天数'],
        [1, '市场监管局', 6, 6, '100.00%', 9],
        [2, '民政局', 4, 4, '100.00%', 17.5],
        [null, '小计', 10, 10, null, 26.5],
        ['公共服务单位'],
        [23, '中国人寿', 3, 2, '66.67%', 1],
        [null, '小计', 3, 2, null, 1],
        [null, '合计', 13, 12, null, 27.5],
      ],
      merges: ['A5:F5'],
    });
    const table = readTable(sheet, attendanceSpec, { file: 'a8.xlsx' });
    expect(
      table.rows.map((r) => [
        r.row,
        r.kind,
        r.label ?? r.unitName,
        r.section ?? null,
        r.covers ?? null,
      ]),
    ).toEqual([
      [2, 'data', '市场监管局', null, null],
      [3, 'data', '民政局', null, null],
      [4, 'subtotal', '小计', null, [2, 3]],
      [6, 'data', '中国人寿', '公共服务单位', null],
      [7, 'subtotal', '小计', '公共服务单位', [6]],
      [8, 'total', '合计', null, [2, 3, 6]],
    ]);
    expect(table.rows[3]?.values['ratio']?.value).toMatchObject({ value: 66.67, decimals: 2 });
    expect(table.rows[2]?.values['ratio']?.value).toEqual({ status: 'missing', raw: '' });
  });

  const centresSpec = defineTable({
    name: 'annex-3-service-centres',
    unit: { header: '便民服务中心', fillDown: true },
    columns: {
      consultations: { header: '咨询', kind: 'count', measure: 'consultations' },
      applications: { header: '申请', kind: 'count', measure: 'applications' },
    },
  });
  const centreRows = [
    ['便民服务中心', '', '咨询(件)', '申请(件)'],
    ['格里坪镇', '格里坪镇便民服务中心心心心', 1100, 960],
    ['', '金林社区便民服务中心', 57, 46],
    ['', '小计', 1157, 1006],
    ['玉泉 街道', '玉泉街道便民服务中心', 40, 96],
    ['', '小计', 40, 96],
    ['总计', '', 1197, 1102],
  ];

  it.each([
    ['xlsx with merges', true],
    ['csv without merges', false],
  ])('builds town → village unit paths (%s)', async (_label, merged) => {
    let sheet: GridSheet;
    if (merged) {
      const rows = centreRows.map((row) => row.map((v) => (v === '' ? null : v)));
      sheet = await sheetFrom({
        name: '附件3',
        rows,
        merges: ['A1:B1', 'A2:A4', 'A5:A6', 'A7:B7'],
      });
    } else {
      const grid = await readGrid({
        name: 'a3.csv',
        bytes: buildCsv(centreRows, { encoding: 'gb18030' }),
      });
      sheet = grid.sheets[0] as GridSheet;
    }
    const table = readTable(sheet, centresSpec, { file: 'a3' });
    expect(table.unitColumns.map((c) => c.letter)).toEqual(['A', 'B']);
    expect(table.rows.map((r) => [r.kind, r.unitPath, r.label ?? null, r.covers ?? null])).toEqual([
      ['data', ['格里坪镇', '格里坪镇便民服务中心心心心'], null, null],
      ['data', ['格里坪镇', '金林社区便民服务中心'], null, null],
      ['subtotal', ['格里坪镇'], '小计', [2, 3]],
      ['data', ['玉泉 街道', '玉泉街道便民服务中心'], null, null],
      ['subtotal', ['玉泉 街道'], '小计', [5]],
      ['total', [], '总计', [2, 3, 5]],
    ]);
  });

  it('reads a benchmark row and a county row named by the adapter', async () => {
    const spec = defineTable({
      name: 'annex-5',
      unit: { header: '区划/部门' },
      columns: { main: { header: '事项主项数', kind: 'count', measure: 'supervision.main_items' } },
      rows: { totalLabels: ['殷都区'], benchmarkLabels: ['安阳市'] },
    });
    const sheet = await sheetFrom({
      name: '附件5',
      rows: [
        ['序号', '区划/部门', '事项主项数'],
        [null, '安阳市', 4234],
        [null, '殷都区', 383],
        [1, '区商务局', 2],
        [2, '区医疗保障局', 1],
      ],
    });
    const table = readTable(sheet, spec, { file: 'a5.xlsx' });
    expect(
      table.rows.map((r) => [r.kind, r.label ?? r.unitName, r.unitPath, r.covers ?? null]),
    ).toEqual([
      ['benchmark', '安阳市', ['安阳市'], []],
      ['total', '殷都区', [], [4, 5]],
      ['data', '区商务局', ['区商务局'], null],
      ['data', '区医疗保障局', ['区医疗保障局'], null],
    ]);
  });

  it('reads a department merged over several licence rows as a dimension table', async () => {
    const spec = defineTable({
      name: 'annex-3-licences',
      unit: { header: '单位名称', fillDown: true },
      dimensions: { licenceType: { header: '证照类型名称' } },
      columns: { signed: { header: '已签章数量', kind: 'count', measure: 'licences.signed' } },
      rows: { totalLabels: ['殷都区'] },
    });
    const sheet = await sheetFrom({
      name: '附件3',
      rows: [
        ['序号', '单位名称', '证照类型名称', '已签章数量'],
        [null, '殷都区', '/', 6799],
        [1, '市场监管局', '食品经营许可证', 1953],
        [2, null, '营业执照（个体工商户）', 1],
      ],
      merges: ['B3:B4'],
    });
    const table = readTable(sheet, spec, { file: 'a3.xlsx' });
    expect(table.rows.map((r) => [r.kind, r.unitName, r.dimensions])).toEqual([
      ['total', '', { licenceType: '/' }],
      ['data', '市场监管局', { licenceType: '食品经营许可证' }],
      ['data', '市场监管局', { licenceType: '营业执照（个体工商户）' }],
    ]);
  });

  it('reads text columns of a plan without a unit column', async () => {
    const spec = defineTable({
      name: 'plan',
      columns: {
        indicator: { header: '指标', kind: 'text' },
        target: { header: '任务目标', kind: 'text' },
        deadline: { header: '完成时限', kind: 'text' },
      },
    });
    const sheet = await sheetFrom({
      name: '主要任务',
      rows: [
        ['序号', '指标', '任务目标', '完成时限'],
        [
          1,
          '本年度差评整改率',
          '目标要求年度差评整改率务必达到100%。',
          '2022年10月25日前并长期坚持。',
        ],
      ],
    });
    const table = readTable(sheet, spec, { file: 'plan.xlsx' });
    expect(table.rows[0]?.texts['target']).toEqual({
      text: '目标要求年度差评整改率务必达到100%。',
      provenance: { file: 'plan.xlsx', sheet: '主要任务', row: 2, column: 'C', columnIndex: 3 },
    });
  });
});

describe('classifyRow', () => {
  const row = (
    labels: string[],
    values: string[] = [],
    ownTextCount = labels.filter(Boolean).length + values.filter(Boolean).length,
  ) => ({
    labels,
    values,
    firstText: [...labels, ...values].find((t) => t.trim() !== '') ?? '',
    ownTextCount,
  });

  it.each([
    [row(['', '合计'], ['1']), 'total'],
    [row(['合 计', ''], ['1']), 'total'],
    [row(['总计：'], ['1']), 'total'],
    [row(['', '小计'], ['1']), 'subtotal'],
    [row(['1', '审批局'], ['1']), 'data'],
    [row(['', ''], ['', '']), 'blank'],
    [row(['注：标“/”单位评价系统未联通。']), 'note'],
    [row(['备注：数据来源于平台']), 'note'],
    [row(['公共服务单位'], ['', '']), 'section'],
  ])('classifies %j as %s', (input, kind) => {
    expect(classifyRow(input).kind).toBe(kind);
  });

  it('uses the adapter-named benchmark and total labels', () => {
    expect(classifyRow(row(['', '安阳市'], ['1']), { benchmarkLabels: ['安阳市'] })).toEqual({
      kind: 'benchmark',
      label: '安阳市',
    });
    expect(classifyRow(row(['', '殷都区'], ['1']), { totalLabels: ['殷都区'] })).toEqual({
      kind: 'total',
      label: '殷都区',
    });
    expect(classifyRow(row(['', '安阳市'], ['1'])).kind).toBe('data');
  });
});
