/**
 * Writes the Sichuan fixtures that are not transcriptions of the seed tables: a csv of
 * 附件3, the report-summary sheet (a layout of ours for the figures of the report's text)
 * and one not-ok input per failure mode. Run from the repository root:
 *
 *   npx tsx --tsconfig tsconfig.base.json plugins/sichuan/scripts/make-fixtures.ts
 *
 * Its only inputs are the committed annex workbooks in test-fixtures/ok/ (written by
 * tools/fixtures/make-fixtures.ts) and the figures below. The SDK's builders are
 * deterministic, so a rerun writes identical bytes and the goldens' sha256 stay valid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { readGrid } from '@efficacy/plugin-sdk';
import type { GridSheet } from '@efficacy/plugin-sdk';
import { buildCsv, buildXlsx } from '@efficacy/plugin-sdk/testing';
import type { CellInput, SheetInput } from '@efficacy/plugin-sdk/testing';

const FIXTURES = join(__dirname, '..', 'test-fixtures');
const OK = join(FIXTURES, 'ok');
const NOT_OK = join(FIXTURES, 'not-ok');

const ANNEX1 = 'xiqu-2022-09-annex1-online-service-capability.xlsx';
const ANNEX2 = 'xiqu-2022-09-annex2-hall-windows.xlsx';
const ANNEX3 = 'xiqu-2022-09-annex3-service-centres.xlsx';

async function sheetOf(name: string): Promise<GridSheet> {
  const bytes = new Uint8Array(readFileSync(join(OK, name)));
  const grid = await readGrid({ name, bytes });
  const sheet = grid.sheets[0];
  if (!sheet) throw new Error(`${name} has no sheet`);
  return sheet;
}

/** A grid sheet back as builder input: numbers stay numbers, merges stay merges. */
function toSheetInput(sheet: GridSheet): SheetInput {
  const rows = sheet.rows.map((row) =>
    row.cells.map((cell): CellInput => {
      if (cell.type === 'number' && cell.number !== undefined) return cell.number;
      return cell.text === '' ? null : cell.text;
    }),
  );
  const merges = [...new Set(sheet.merges.map((merge) => merge.range))];
  return { name: sheet.name, rows, merges };
}

/** What Excel's "save as CSV" writes: the printed text, merged areas empty but the master. */
function toCsvRows(sheet: GridSheet): string[][] {
  return sheet.rows.map((row) => row.cells.map((cell) => cell.text));
}

/** Finds a row by the text of one of its cells, so edits do not depend on positions. */
function rowIndexWith(input: SheetInput, text: string): number {
  const index = input.rows.findIndex((row) => row.some((cell) => cell === text));
  if (index < 0) throw new Error(`no row holds "${text}"`);
  return index;
}

function columnIndexWith(input: SheetInput, text: string): number {
  for (const row of input.rows) {
    const index = row.findIndex((cell) => cell === text);
    if (index >= 0) return index;
  }
  throw new Error(`no cell holds "${text}"`);
}

function write(dir: string, name: string, bytes: Uint8Array): void {
  writeFileSync(join(dir, name), bytes);
  console.log(`wrote ${join(dir, name)} (${bytes.byteLength} bytes)`);
}

/**
 * The report text's figures (正文 一、(一), 一、(二), 二、4), one row for the district. The
 * text calls 5331 applications although 附件3 prints it as the consultation total; kept.
 */
function reportSummary(): SheetInput {
  const header = [
    '地区',
    '政务服务大厅窗口受理(件)',
    '政务服务大厅窗口办结(件)',
    '便民服务大厅申请(件)',
    '便民服务大厅受理(件)',
    '便民服务大厅办结(件)',
    '一体化平台办件数(件)',
    '主动评价数(件)',
    '主动评价率',
    '认领事项(项)',
    '认领率',
    '发布率',
    '办事指南准确率',
  ];
  const width = header.length;
  const title = '9月西区政务服务工作情况正文数据';
  const note =
    '注：数据摘自月报正文一、(一)(二)和二、4，照录。正文所称便民服务大厅“申请5331件”为附件3咨询总计，附件3申请总计为4904件。';
  return {
    name: '正文数据',
    rows: [
      [title, ...Array<null>(width - 1).fill(null)],
      header,
      ['西区', 13907, 13907, 5331, 4904, 4904, 4288, 4084, '97.86%', 6669, '100%', '100%', '100%'],
      [note, ...Array<null>(width - 1).fill(null)],
    ],
    merges: ['A1:M1', 'A4:M4'],
  };
}

async function main(): Promise<void> {
  const annex1 = await sheetOf(ANNEX1);
  const annex3 = await sheetOf(ANNEX3);

  // ok: 附件3 as a GB18030 csv (no merges: the town is printed on the first row of its group
  // only, 便民服务中心 heads the town column and the centre column is unlabeled).
  const annex3Csv = toCsvRows(annex3);
  write(
    OK,
    'xiqu-2022-09-annex3-service-centres.gb18030.csv',
    buildCsv(annex3Csv, { encoding: 'gb18030' }),
  );

  // ok: the figures of the report text.
  write(OK, 'xiqu-2022-09-report-summary.xlsx', await buildXlsx([reportSummary()]));

  // not-ok: a letter l typed for the digit 1 in 区民政局's 累计主动评价数 (1315).
  const letter = toSheetInput(annex1);
  const minzheng = rowIndexWith(letter, '区民政局');
  const cumulative = columnIndexWith(letter, '累计主动评价数');
  (letter.rows[minzheng] as CellInput[])[cumulative] = '13l5';
  write(NOT_OK, 'xiqu-annex1-letter-l-in-number.xlsx', await buildXlsx([letter]));

  // not-ok: 附件1 uploaded with a year but without a region (its title names none).
  write(NOT_OK, 'xiqu-annex1-no-region.xlsx', new Uint8Array(readFileSync(join(OK, ANNEX1))));

  // not-ok: 附件3 without its 受理(件) column.
  const missing = toSheetInput(annex3);
  const accepted = columnIndexWith(missing, '受理(件)');
  missing.rows = missing.rows.map((row) => row.filter((_cell, i) => i !== accepted));
  // Merges right of the removed column shift left by one; A–B and the town merges stay.
  missing.merges = (missing.merges ?? []).map((range) => (range === 'A2:F2' ? 'A2:E2' : range));
  write(NOT_OK, 'xiqu-annex3-missing-accepted-column.xlsx', await buildXlsx([missing]));

  // not-ok: 附件3 csv whose 庄上村 line stops after 咨询 (a truncated export).
  const short = annex3Csv.map((row) => (row[1] === '庄上村便民服务中心' ? row.slice(0, 3) : row));
  write(NOT_OK, 'xiqu-annex3-gb18030-short-row.csv', buildCsv(short, { encoding: 'gb18030' }));

  // not-ok: 附件2 uploaded without a year: its title says only "9月".
  write(NOT_OK, 'xiqu-annex2-no-year.xlsx', new Uint8Array(readFileSync(join(OK, ANNEX2))));

  // not-ok: the April 2022 overdue list with the letter O typed for the 0 of 金沙社区's 10.
  const overdue = toSheetInput(await sheetOf('xiqu-2022-04-overdue.xlsx'));
  const jinsha = rowIndexWith(overdue, '西区清香坪街道金沙社区居民委员会');
  const overdueColumn = columnIndexWith(overdue, '超期件数(件)');
  (overdue.rows[jinsha] as CellInput[])[overdueColumn] = '1O';
  write(NOT_OK, 'xiqu-overdue-letter-o-in-count.xlsx', await buildXlsx([overdue]));

  // not-ok: a valid workbook with one empty sheet.
  write(NOT_OK, 'empty-workbook.xlsx', await buildXlsx([{ name: 'Sheet1', rows: [] }]));

  // not-ok: 附件2 cut in half (starts like a zip, ends mid-archive).
  const whole = new Uint8Array(readFileSync(join(OK, ANNEX2)));
  write(NOT_OK, 'truncated-zip.xlsx', whole.slice(0, Math.floor(whole.byteLength / 2)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
