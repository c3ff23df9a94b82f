/**
 * Writes the Henan fixtures that are not the seed transcriptions themselves: 附件3 as the
 * GB18030 csv Excel saves (merges lost), and one not-ok input per failure mode. Run from the
 * repository root:
 *
 *   npx tsx --tsconfig tsconfig.base.json plugins/henan/scripts/make-fixtures.ts
 *
 * Its only inputs are the annex workbooks in test-fixtures/ok/ (written by
 * tools/fixtures/make-fixtures.ts) and the templates in tools/fixtures/not-ok-templates/.
 * The SDK's builders are deterministic, so a rerun writes identical bytes; fixtures.spec.ts
 * checks that the committed files are exactly what this script builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseRange, rangeAddress, readGrid } from '@efficacy/plugin-sdk';
import type { GridSheet } from '@efficacy/plugin-sdk';
import { buildCsv, buildXlsx } from '@efficacy/plugin-sdk/testing';
import type { CellInput, SheetInput } from '@efficacy/plugin-sdk/testing';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(__dirname, '..', 'test-fixtures');
const OK = join(FIXTURES, 'ok');
const TEMPLATES = join(ROOT, 'tools', 'fixtures', 'not-ok-templates');

const ANNEX1 = 'yindu-2023-06-annex1-contactless-immediate.xlsx';
const ANNEX2 = 'yindu-2023-06-annex2-time-limit-compression.xlsx';
const ANNEX3 = 'yindu-2023-06-annex3-e-licences.xlsx';
const ANNEX5 = 'yindu-2023-06-annex5-internet-plus-supervision.xlsx';
const ANNEX6 = 'yindu-2023-06-annex6-case-volumes.xlsx';
const HOTLINE = 'pingdingshan-2023-08-hotline-lines.xlsx';
const ANNEX8 = 'yindu-2023-06-annex8-hall-attendance.xlsx';

export interface FixtureFile {
  folder: 'ok' | 'not-ok';
  name: string;
  bytes: Uint8Array;
}

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

async function sheetOf(name: string): Promise<GridSheet> {
  const grid = await readGrid({ name, bytes: bytesOf(join(OK, name)) });
  const sheet = grid.sheets[0];
  if (!sheet) throw new Error(`${name} has no sheet`);
  return sheet;
}

/** Builder input that the edits below may change in place. */
interface EditableSheet extends SheetInput {
  rows: CellInput[][];
  merges: string[];
}

/** A grid sheet back as builder input: numbers stay numbers, merges stay merges. */
function toSheetInput(sheet: GridSheet): EditableSheet {
  const rows = sheet.rows.map((row) =>
    row.cells.map((cell): CellInput => {
      if (cell.type === 'number' && cell.number !== undefined) return cell.number;
      return cell.text === '' ? null : cell.text;
    }),
  );
  return { name: sheet.name, rows, merges: [...new Set(sheet.merges.map((m) => m.range))] };
}

/** What Excel's "save as CSV" writes: the printed text, merged areas empty but the master. */
function toCsvRows(sheet: GridSheet): string[][] {
  return sheet.rows.map((row) => row.cells.map((cell) => cell.text));
}

/** Finds a cell by its text, so edits do not depend on positions. */
function find(input: EditableSheet, text: string): { row: number; column: number } {
  for (let row = 0; row < input.rows.length; row++) {
    const column = (input.rows[row] ?? []).findIndex((cell) => cell === text);
    if (column >= 0) return { row, column };
  }
  throw new Error(`no cell holds "${text}"`);
}

function setCell(input: EditableSheet, row: number, column: number, value: CellInput) {
  const cells = input.rows[row];
  if (!cells) throw new Error(`no row ${row + 1}`);
  cells[column] = value;
}

/** Removes a column (0-based) and moves the merges right of it one column left. */
function dropColumn(input: EditableSheet, column: number): void {
  const removed = column + 1;
  input.rows = input.rows.map((row) => row.filter((_cell, i) => i !== column));
  input.merges = input.merges.flatMap((range) => {
    const { top, left, bottom, right } = parseRange(range);
    if (left === removed && right === removed) return [];
    const l = left > removed ? left - 1 : left;
    const r = right >= removed ? right - 1 : right;
    return l === r && top === bottom ? [] : [rangeAddress(top, l, bottom, r)];
  });
}

/** Replaces the title (the merged line naming the table) with another text. */
function retitle(input: EditableSheet, from: string, to: string): void {
  const at = find(input, from);
  setCell(input, at.row, at.column, to);
}

export async function buildFixtures(): Promise<FixtureFile[]> {
  const files: FixtureFile[] = [];
  const annex1 = await sheetOf(ANNEX1);
  const annex2 = await sheetOf(ANNEX2);
  const annex3 = await sheetOf(ANNEX3);
  const annex6 = await sheetOf(ANNEX6);

  // ok: 附件3 as Excel saves it to csv: the department only on the first row of its types.
  files.push({
    folder: 'ok',
    name: 'yindu-2023-06-annex3-e-licences.gb18030.csv',
    bytes: buildCsv(toCsvRows(annex3), { encoding: 'gb18030' }),
  });

  // not-ok: the letter O typed for the zero of 退役军人局's 法定时限 (4320).
  const letter = toSheetInput(annex2);
  const veterans = find(letter, '退役军人局');
  const legal = find(letter, '法定时限 (工作日)');
  setCell(letter, veterans.row, legal.column, '432O');
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex2-letter-o-in-legal-days.xlsx',
    bytes: await buildXlsx([letter]),
  });

  // not-ok: 附件2 without its 承诺时限 column (header and every row).
  const missing = toSheetInput(annex2);
  dropColumn(missing, find(missing, '承诺时限 (工作日)').column);
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex2-missing-promised-days-column.xlsx',
    bytes: await buildXlsx([missing]),
  });

  // not-ok: 附件1 uploaded without a period; its title states none.
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex1-no-period.xlsx',
    bytes: bytesOf(join(OK, ANNEX1)),
  });

  // not-ok: 附件5 uploaded without a period; its only date is the issue date 2023年7月10日.
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex5-issue-date-only.xlsx',
    bytes: bytesOf(join(OK, ANNEX5)),
  });

  // not-ok: 附件8 uploaded without a year; its title says only "6 月份".
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex8-month-without-year.xlsx',
    bytes: bytesOf(join(OK, ANNEX8)),
  });

  // not-ok: 附件1 whose title names no region, uploaded with a period but no region code.
  const anonymous = toSheetInput(annex1);
  retitle(anonymous, '殷都区不见面审批、即办件情况统计表', '不见面审批、即办件情况统计表');
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex1-no-region-in-title.xlsx',
    bytes: await buildXlsx([anonymous]),
  });

  // not-ok: 附件1 uploaded with a period written 2023/06.
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex1-bad-context-period.xlsx',
    bytes: bytesOf(join(OK, ANNEX1)),
  });

  // not-ok: 附件3 whose 自然资源局 cell lost its merge and its text: six rows without a unit.
  const unmerged = toSheetInput(annex3);
  const land = find(unmerged, '自然资源局');
  unmerged.merges = unmerged.merges.filter(
    (range) => parseRange(range).top !== land.row + 1 || parseRange(range).left !== land.column + 1,
  );
  setCell(unmerged, land.row, land.column, null);
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex3-department-cell-empty.xlsx',
    bytes: await buildXlsx([unmerged]),
  });

  // not-ok: 附件3 csv whose 排污许可证 line stops after the licence type (a truncated export).
  const short = toCsvRows(annex3).map((row) => (row[2] === '排污许可证' ? row.slice(0, 3) : row));
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex3-gb18030-short-row.csv',
    bytes: buildCsv(short, { encoding: 'gb18030' }),
  });

  // not-ok: 附件6 with its header but none of its rows.
  const headerOnly = toSheetInput(annex6);
  const header = find(headerOnly, '部门报送数据').row;
  headerOnly.rows = headerOnly.rows.slice(0, header + 1);
  headerOnly.merges = headerOnly.merges.filter((range) => parseRange(range).bottom <= header + 1);
  files.push({
    folder: 'not-ok',
    name: 'yindu-annex6-header-only.xlsx',
    bytes: await buildXlsx([headerOnly]),
  });

  // not-ok: a workbook of two annexes whose titles name two different counties.
  const other = toSheetInput(annex2);
  retitle(other, '殷都区政务服务事项压缩办理时限统计表', '龙安区政务服务事项压缩办理时限统计表');
  files.push({
    folder: 'not-ok',
    name: 'annexes-two-regions.xlsx',
    bytes: await buildXlsx([toSheetInput(annex1), other]),
  });

  // not-ok: another province's table (Jinfeng, Ningxia: 好差评), not a Henan annex.
  files.push({
    folder: 'not-ok',
    name: 'ningxia-jinfeng-annex2-haochaping.xlsx',
    bytes: bytesOf(join(TEMPLATES, 'jinfeng-annex2-no-period-in-title.xlsx')),
  });

  // not-ok: Pingdingshan's 12345 line table with the letter l typed for the 1 of 11556 (办结).
  const hotline = toSheetInput(await sheetOf(HOTLINE));
  const line12345 = find(hotline, '12345热线电话(含公众号、APP)');
  const finished = find(hotline, '办结(件)');
  setCell(hotline, line12345.row, finished.column, '1l556');
  files.push({
    folder: 'not-ok',
    name: 'pingdingshan-hotline-letter-l-in-finished.xlsx',
    bytes: await buildXlsx([hotline]),
  });

  // not-ok: the generic ones, from the shared templates.
  for (const name of ['empty-workbook.xlsx', 'truncated-zip.xlsx', 'random-bytes.xlsx']) {
    files.push({ folder: 'not-ok', name, bytes: bytesOf(join(TEMPLATES, name)) });
  }
  return files;
}

async function main(): Promise<void> {
  for (const file of await buildFixtures()) {
    const path = join(FIXTURES, file.folder, file.name);
    writeFileSync(path, file.bytes);
    console.log(`wrote ${path} (${file.bytes.byteLength} bytes)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
