import { readGrid } from '@efficacy/plugin-sdk';
import type { GridSheet } from '@efficacy/plugin-sdk';
import { buildCsv, buildXlsx } from '@efficacy/plugin-sdk/testing';
import type { CellInput } from '@efficacy/plugin-sdk/testing';

/**
 * The fixtures this plugin builds itself, byte for byte deterministic (the SDK's builders
 * pin every timestamp): the indicator-values format sample, its csv variant, and the
 * not-ok inputs. The plan workbook is not built here: it is the seed transcription written
 * by tools/fixtures/make-fixtures.ts, and its not-ok variant is derived from its bytes.
 *
 * The indicator values are a FORMAT SAMPLE: plausible figures invented to show the layout
 * (the plan prints targets, not values). They are labelled so in the sheet's 备注 row and in
 * the README, and no spec treats them as facts.
 */

export interface FixtureFile {
  /** Path under test-fixtures/. */
  path: string;
  bytes: Uint8Array;
}

export const PLAN_FIXTURE = 'ok/jiayuguan-2022-capability-plan.xlsx';

const VALUES_SHEET = '指标完成情况';
const VALUES_TITLE = '嘉峪关市2022年1-9月一体化政务服务能力指标完成情况';
const VALUES_HEADER = ['序号', '上级单位', '单位', '指标', '期间', '数值', '分子', '分母'];
const SAMPLE_NOTE =
  '备注：格式样例（Efficacy 定义的版式），单位与数值均为示意，并非方案或通报数据。';
const SUBURBS = '郊区工作办公室';
const YTD = '2022年1-9月';
const SEPTEMBER = '2022年9月';

type Row = readonly CellInput[];

/** Body rows (after title and header): serial, parent, unit, indicator, period, value, 分子, 分母. */
const VALUES_BODY: readonly Row[] = [
  [1, null, '市市场监管局', '承诺时限压缩比(行政许可)', YTD, '78.25%', 261, 1200],
  [2, null, '市市场监管局', '平均跑动次数(行政许可)', YTD, 0.02, 2, 120],
  [3, null, '市市场监管局', '即办件占比(行政许可)', YTD, '47.50%', 57, 120],
  [4, null, '市市场监管局', '法人用户企业注册率', YTD, '96.80%', 9680, 10000],
  [5, null, '市公安局', '承诺时限压缩比(行政许可)', YTD, '70.00%', 240, 800],
  [6, null, '市公安局', '证照汇聚数量', YTD, 215340, null, null],
  [7, null, '市公安局', '电子印章备案率', SEPTEMBER, '100.00%', 12, 12],
  [8, null, '市人社局', '证照汇聚数量', YTD, 48620, null, null],
  [9, null, '市人社局', '电子印章备案率', SEPTEMBER, '87.50%', 7, 8],
  [10, SUBURBS, '新城镇', '办件数据上报国办入库量', YTD, 3120, null, null],
  [11, SUBURBS, '峪泉镇', '办件数据上报国办入库量', YTD, 1876, null, null],
  [12, SUBURBS, '文殊镇', '办件数据上报国办入库量', YTD, 2245, null, null],
  [null, SUBURBS, '小计', '办件数据上报国办入库量', YTD, 7241, null, null],
  [13, SUBURBS, '新城镇', '主动评价数据汇聚', YTD, '85.62%', 250, 292],
  [14, SUBURBS, '峪泉镇', '主动评价数据汇聚', YTD, '/', '/', '/'],
  [15, SUBURBS, '文殊镇', '投诉建议', YTD, '-', 0, 0],
  [null, '嘉峪关市', '嘉峪关市', '承诺时限压缩比(行政许可)', YTD, '74.95%', 501, 2000],
  [null, '嘉峪关市', '嘉峪关市', '证照汇聚数量', YTD, 263960, null, null],
  [null, '嘉峪关市', '嘉峪关市', '电子印章备案率', SEPTEMBER, '95.00%', 19, 20],
];

/** Title row, header row, body: row numbers are 1 (title), 2 (header), 3… (body). */
function valuesRows(options: { title?: string; body?: readonly Row[]; note?: boolean } = {}) {
  const body = options.body ?? VALUES_BODY;
  return [
    [options.title ?? VALUES_TITLE],
    VALUES_HEADER,
    ...body,
    ...(options.note === false ? [] : [[SAMPLE_NOTE]]),
  ];
}

/**
 * The xlsx form: title and note merged across the width; 郊区工作办公室 merged down over its
 * towns (as a clerk lays out a parent unit); the city's own rows merged across 上级单位 and 单位.
 */
function valuesMerges(rows: readonly Row[]): string[] {
  const merges = ['A1:H1'];
  let suburbsFrom: number | undefined;
  let suburbsTo: number | undefined;
  rows.forEach((cells, i) => {
    const r = i + 1;
    if (r <= 2) return;
    if (cells.length === 1) merges.push(`A${r}:H${r}`);
    if (cells[1] === SUBURBS) {
      suburbsFrom ??= r;
      suburbsTo = r;
    }
    if (typeof cells[1] === 'string' && cells[1] === cells[2]) merges.push(`B${r}:C${r}`);
  });
  if (suburbsFrom !== undefined && suburbsTo !== undefined)
    merges.push(`B${suburbsFrom}:B${suburbsTo}`);
  return merges;
}

/** Merged cells keep their text only in the master cell, as Excel saves them. */
function clearMergedCovers(rows: readonly Row[], merges: readonly string[]): Row[] {
  const out = rows.map((row) => [...row]);
  for (const range of merges) {
    const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(range);
    if (!m) continue;
    const [left, top, right, bottom] = [
      (m[1] as string).charCodeAt(0) - 64,
      Number(m[2]),
      (m[3] as string).charCodeAt(0) - 64,
      Number(m[4]),
    ];
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const row = out[r - 1];
        if (row && c - 1 < row.length) row[c - 1] = null;
      }
    }
  }
  return out;
}

function valuesWorkbook(
  options: { title?: string; body?: readonly Row[]; header?: readonly string[] } = {},
) {
  const rows = valuesRows(options);
  if (options.header) rows[1] = [...options.header];
  const merges = valuesMerges(rows);
  return buildXlsx([{ name: VALUES_SHEET, rows: clearMergedCovers(rows, merges), merges }]);
}

/** Replaces one body cell (1-based body row and column) in a copy of the sample body. */
function withCell(bodyRow: number, column: number, value: CellInput): Row[] {
  return VALUES_BODY.map((row, i) =>
    i + 1 === bodyRow ? row.map((cell, c) => (c + 1 === column ? value : cell)) : row,
  );
}

/** The csv a database export would give: no title, every level repeated on every row. */
function valuesCsv(): Uint8Array {
  const text = (cell: CellInput): string | number | null =>
    typeof cell === 'string' || typeof cell === 'number' ? cell : null;
  const rows = [VALUES_HEADER, ...VALUES_BODY.map((row) => row.map(text))].map((row) =>
    row[1] === '嘉峪关市' ? [row[0], null, ...row.slice(2)] : row,
  );
  return buildCsv(rows, { bom: true });
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** The plan sheet as rows of printed values, to rebuild it with a column left out. */
function sheetRows(sheet: GridSheet): CellInput[][] {
  return sheet.rows.map((row) =>
    row.cells.map((cell): CellInput => {
      if (cell.merge && !cell.merge.isMaster) return null;
      if (cell.type === 'number' && cell.number !== undefined) return cell.number;
      return cell.text === '' ? null : cell.text;
    }),
  );
}

async function planVariants(planBytes: Uint8Array): Promise<FixtureFile[]> {
  const grid = await readGrid({ name: 'plan.xlsx', bytes: planBytes });
  const sheet = grid.sheets[0];
  if (!sheet) throw new Error('the plan fixture has no sheet');
  const rows = sheetRows(sheet);
  const header = rows[2] ?? [];
  const targetIndex = header.indexOf('任务目标');
  if (targetIndex < 0) throw new Error('the plan fixture has no 任务目标 column');
  const letter = (columns: number): string => String.fromCharCode(64 + columns);
  const withoutTarget = rows.map((row) => row.filter((_cell, i) => i !== targetIndex));
  const titleMerges = (columns: number): string[] => [
    `A1:${letter(columns)}1`,
    `A2:${letter(columns)}2`,
  ];
  return [
    {
      path: 'not-ok/jiayuguan-2022-capability-plan-missing-target-column.xlsx',
      bytes: await buildXlsx([
        { name: sheet.name, rows: withoutTarget, merges: titleMerges(header.length - 1) },
      ]),
    },
    {
      path: 'not-ok/jiayuguan-2022-capability-plan-header-only.xlsx',
      bytes: await buildXlsx([
        { name: sheet.name, rows: rows.slice(0, 3), merges: titleMerges(header.length) },
      ]),
    },
  ];
}

export async function buildFixtures(planBytes: Uint8Array): Promise<FixtureFile[]> {
  const valuesName = 'jiayuguan-2022-01to09-indicator-values';
  return [
    { path: `ok/${valuesName}.xlsx`, bytes: await valuesWorkbook() },
    { path: `ok/${valuesName}-no-title.csv`, bytes: valuesCsv() },
    {
      path: `ok/${valuesName}-no-title.csv.context.json`,
      bytes: json({ period: '2022-01..2022-09', regionCode: '620200' }),
    },
    {
      // 市公安局's compression rate typed with a letter O: "7O.00%".
      path: `not-ok/${valuesName}-letter-o-in-number.xlsx`,
      bytes: await valuesWorkbook({ body: withCell(5, 6, '7O.00%') }),
    },
    {
      path: `not-ok/${valuesName}-bad-period.xlsx`,
      bytes: await valuesWorkbook({ body: withCell(9, 5, '待定') }),
    },
    {
      // Neither the title nor any row states a period, and no context is given.
      path: 'not-ok/jiayuguan-indicator-values-no-period.xlsx',
      bytes: await valuesWorkbook({
        title: '嘉峪关市一体化政务服务能力指标完成情况',
        body: VALUES_BODY.map((row) => row.map((cell, c) => (c === 4 ? null : cell))),
      }),
    },
    {
      // The title names no city and the totals say 合计: the region is unknown.
      path: 'not-ok/indicator-values-no-region.xlsx',
      bytes: await valuesWorkbook({
        title: '2022年1-9月一体化政务服务能力指标完成情况',
        body: VALUES_BODY.map((row) =>
          row[1] === '嘉峪关市' ? [row[0], '合计', '合计', ...row.slice(3)] : row,
        ),
      }),
    },
    ...(await planVariants(planBytes)),
  ];
}
