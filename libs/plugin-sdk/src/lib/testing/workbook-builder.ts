import { Workbook } from 'exceljs';
import type { CellValue } from 'exceljs';
import { encode } from 'iconv-lite';

import { repackZipDeterministically } from './zip-writer';

/**
 * Builders for test inputs and fixture scripts: small xlsx and csv files from plain arrays.
 * Output is byte-for-byte deterministic (fixed workbook dates, fixed zip timestamps), so
 * goldens that contain the file's sha256 stay stable.
 */

export type CellInput =
  | string
  | number
  | boolean
  | null
  | undefined
  /** A number with a number format, e.g. { value: 0.9887, numFmt: '0.00%' }. */
  | { value: number; numFmt: string }
  /** A formula with its cached result (omit `result` for a file saved without recalculation). */
  | { formula: string; result?: number | string; numFmt?: string }
  | { richText: readonly string[] }
  | { text: string; hyperlink: string }
  | Date;

export interface SheetInput {
  name: string;
  /** rows[0] is row 1; undefined/null cells stay empty. */
  rows: readonly (readonly CellInput[])[];
  /** Ranges such as "A1:A2". The master cell is the top-left one. */
  merges?: readonly string[];
  hiddenRows?: readonly number[];
  state?: 'visible' | 'hidden';
}

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

export async function buildXlsx(sheets: readonly SheetInput[]): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = 'efficacy';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const input of sheets) {
    const sheet = workbook.addWorksheet(input.name, { state: input.state ?? 'visible' });
    input.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (cell instanceof Date) {
          target.value = cell;
          target.numFmt = 'yyyy-mm-dd';
        } else if (typeof cell === 'object' && 'richText' in cell) {
          target.value = { richText: cell.richText.map((text) => ({ text })) };
        } else if (typeof cell === 'object' && 'hyperlink' in cell) {
          target.value = { text: cell.text, hyperlink: cell.hyperlink };
        } else if (typeof cell === 'object' && 'formula' in cell) {
          const value: CellValue =
            cell.result === undefined
              ? { formula: cell.formula }
              : { formula: cell.formula, result: cell.result };
          target.value = value;
          if (cell.numFmt) target.numFmt = cell.numFmt;
        } else if (typeof cell === 'object') {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else {
          target.value = cell;
        }
      });
    });
    for (const range of input.merges ?? []) sheet.mergeCells(range);
    for (const row of input.hiddenRows ?? []) sheet.getRow(row).hidden = true;
  }
  const written = await workbook.xlsx.writeBuffer();
  return repackZipDeterministically(new Uint8Array(written as unknown as ArrayBuffer));
}

export interface CsvOptions {
  /** 'utf-8' (default), 'gb18030', 'gbk', 'utf-16le', ... (anything iconv-lite knows). */
  encoding?: string;
  bom?: boolean;
  delimiter?: string;
  lineEnding?: '\r\n' | '\n';
}

function quote(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** Encodes rows as csv bytes in the requested encoding, as a Chinese export would. */
export function buildCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  options: CsvOptions = {},
): Uint8Array {
  const delimiter = options.delimiter ?? ',';
  const text = rows
    .map((row) =>
      row
        .map((cell) => quote(cell === null || cell === undefined ? '' : String(cell), delimiter))
        .join(delimiter),
    )
    .join(options.lineEnding ?? '\r\n');
  const encoding = options.encoding ?? 'utf-8';
  const body = encode(text, encoding);
  const bom = options.bom ? encode('\ufeff', encoding) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([bom, body]));
}
