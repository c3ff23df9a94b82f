import type { Provenance } from '../contract/batch';
import { AdapterError } from '../contract/errors';
import type { Location } from '../contract/errors';

/**
 * The grid: one simple model for xlsx and csv, so adapters are written once against it.
 * Row and column numbers are 1-based, as a spreadsheet program shows them.
 */

export type GridCellType = 'empty' | 'string' | 'number' | 'boolean' | 'date' | 'error';

export interface MergeInfo {
  /** e.g. "A1:B2". */
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** True for the top-left cell that holds the value. */
  isMaster: boolean;
  /** The master cell's text, so every covered cell can show it in headers and unit columns. */
  masterText: string;
}

export interface GridCell {
  row: number;
  column: number;
  type: GridCellType;
  /**
   * The cell's own text as printed (number formats applied: 0.9887 with "0.00%" → "98.87%").
   * Empty for the non-master cells of a merged range.
   */
  text: string;
  /** The stored number for number cells (a formula's cached result counts as stored). */
  number?: number;
  /** The number format for number cells, when the file has one. */
  numFmt?: string;
  /** The formula text, for information only: formulas are never evaluated. */
  formula?: string;
  merge?: MergeInfo;
}

export interface GridRow {
  row: number;
  hidden: boolean;
  /**
   * csv only: how many fields the record really had. Excel writes every field of the used
   * range, so a record shorter than the table is a truncated or damaged line, which the
   * padded dense `cells` would otherwise hide.
   */
  fieldCount?: number;
  /** Dense: cells[0] is column 1; every row of a sheet has `columnCount` cells. */
  cells: GridCell[];
}

export interface GridSheet {
  name: string;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  /** Dense: rows[0] is row 1. */
  rows: GridRow[];
  merges: MergeInfo[];
}

export interface Grid {
  fileName: string;
  fileType: 'xlsx' | 'csv';
  /** For csv: the encoding the text was decoded with (utf-8, gb18030, utf-16le, ...). */
  encoding?: string;
  /** For csv: the detected delimiter. */
  delimiter?: string;
  sheets: GridSheet[];
}

const EMPTY_TYPE: GridCellType = 'empty';

/** The cell at (row, column), or an empty stand-in outside the sheet. */
export function cellAt(sheet: GridSheet, row: number, column: number): GridCell {
  const cell = sheet.rows[row - 1]?.cells[column - 1];
  return cell ?? { row, column, type: EMPTY_TYPE, text: '' };
}

/** The text a reader sees at a cell: the master's text for any cell inside a merged range. */
export function effectiveText(cell: GridCell): string {
  return cell.merge ? cell.merge.masterText : cell.text;
}

/** Convenience: effective text at (row, column). */
export function textAt(sheet: GridSheet, row: number, column: number): string {
  return effectiveText(cellAt(sheet, row, column));
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`bad column index ${index}`);
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "AA" → 27. */
export function columnIndex(letter: string): number {
  if (!/^[A-Z]+$/i.test(letter)) throw new RangeError(`bad column letter "${letter}"`);
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3:D4" → corners. */
export function parseRange(range: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(range.replace(/\$/g, ''));
  if (!match) throw new RangeError(`bad range "${range}"`);
  const [, c1, r1, c2, r2] = match as unknown as [string, string, string, string?, string?];
  const a = { row: Number(r1), col: columnIndex(c1) };
  const b = c2 && r2 ? { row: Number(r2), col: columnIndex(c2) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
}

/** Cell provenance for records. */
export function provenanceOf(
  file: string,
  sheet: GridSheet,
  row: number,
  column: number,
): Provenance {
  return { file, sheet: sheet.name, row, column: columnLetter(column), columnIndex: column };
}

/** Error/warning location for a cell, optionally naming the column's header. */
export function locationOf(
  file: string,
  sheet: GridSheet,
  row?: number,
  column?: number,
  header?: string,
): Location {
  const location: Location = { file, sheet: sheet.name };
  if (row !== undefined) location.row = row;
  if (column !== undefined) {
    location.column = columnLetter(column);
    location.columnIndex = column;
    if (header) location.header = header;
  }
  return location;
}

/** True when every cell of the row is empty (merged covers count as empty). */
export function isBlankRow(row: GridRow | undefined): boolean {
  return !row || row.cells.every((cell) => cell.text.trim() === '');
}

/** Finds a sheet by exact name, or the first sheet for which `predicate` holds. */
export function findSheet(
  grid: Grid,
  nameOrPredicate: string | ((sheet: GridSheet) => boolean),
): GridSheet | undefined {
  return typeof nameOrPredicate === 'string'
    ? grid.sheets.find((sheet) => sheet.name === nameOrPredicate)
    : grid.sheets.find(nameOrPredicate);
}

/** Like findSheet, but throws SHEET_NOT_FOUND naming what was looked for and what exists. */
export function requireSheet(
  grid: Grid,
  nameOrPredicate: string | ((sheet: GridSheet) => boolean),
  description = typeof nameOrPredicate === 'string' ? `"${nameOrPredicate}"` : 'the expected sheet',
): GridSheet {
  const sheet = findSheet(grid, nameOrPredicate);
  if (sheet) return sheet;
  const names = grid.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
  throw new AdapterError('SHEET_NOT_FOUND', `no sheet ${description} (sheets: ${names})`, {
    file: grid.fileName,
  });
}

/**
 * Builds a dense sheet from loose cells, trimming trailing empty rows and columns and
 * filling merge info. Shared by the xlsx and csv readers so both produce identical shapes.
 */
export function buildSheet(input: {
  name: string;
  hidden?: boolean;
  cells: Map<number, Map<number, Omit<GridCell, 'row' | 'column' | 'merge'>>>;
  hiddenRows?: Set<number>;
  merges?: string[];
  fieldCounts?: Map<number, number>;
}): GridSheet {
  let rowCount = 0;
  let columnCount = 0;
  for (const [r, rowCells] of input.cells) {
    for (const [c, cell] of rowCells) {
      if (cell.type === 'empty' && cell.text === '' && cell.formula === undefined) continue;
      rowCount = Math.max(rowCount, r);
      columnCount = Math.max(columnCount, c);
    }
  }
  const merges: MergeInfo[] = [];
  for (const range of input.merges ?? []) {
    const corners = parseRange(range);
    const masterText = input.cells.get(corners.top)?.get(corners.left)?.text ?? '';
    merges.push({
      range: rangeAddress(corners.top, corners.left, corners.bottom, corners.right),
      ...corners,
      isMaster: true,
      masterText,
    });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  const rows: GridRow[] = [];
  for (let r = 1; r <= rowCount; r++) {
    const rowCells = input.cells.get(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= columnCount; c++) {
      const source = rowCells?.get(c);
      cells.push(
        source ? { row: r, column: c, ...source } : { row: r, column: c, type: 'empty', text: '' },
      );
    }
    const fieldCount = input.fieldCounts?.get(r);
    rows.push({
      row: r,
      hidden: input.hiddenRows?.has(r) ?? false,
      ...(fieldCount !== undefined ? { fieldCount } : {}),
      cells,
    });
  }
  for (const merge of merges) {
    for (let r = merge.top; r <= Math.min(merge.bottom, rowCount); r++) {
      for (let c = merge.left; c <= merge.right; c++) {
        const cell = rows[r - 1]?.cells[c - 1];
        if (!cell) continue;
        const isMaster = r === merge.top && c === merge.left;
        cell.merge = { ...merge, isMaster };
        // exceljs reports the master's value in covered cells; a covered cell owns nothing.
        if (!isMaster) {
          cell.type = 'empty';
          cell.text = '';
          delete cell.number;
          delete cell.numFmt;
          delete cell.formula;
        }
      }
    }
  }
  return {
    name: input.name,
    hidden: input.hidden ?? false,
    rowCount,
    columnCount,
    rows,
    merges,
  };
}
