import { Workbook } from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';

import { AdapterError } from '../contract/errors';
import type { ImportLimits } from '../contract/adapter';
import { buildSheet } from './grid';
import type { Grid, GridCell, GridSheet } from './grid';
import { cleanFloat, formatNumber, parseNumberFormat } from './number-format';
import { guardXlsxZip } from './zip-guard';

type LooseCell = Omit<GridCell, 'row' | 'column' | 'merge'>;

function isoDate(date: Date): string {
  const iso = date.toISOString();
  // exceljs builds dates in UTC; a whole-day value prints as a date, anything else with time.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Maps one exceljs value (or a formula's cached result) to a grid cell. */
function toLooseCell(value: CellValue, numFmt: string | undefined): LooseCell {
  if (value === null || value === undefined) return { type: 'empty', text: '' };
  if (typeof value === 'number') {
    const cell: LooseCell = {
      type: 'number',
      text: formatNumber(value, numFmt),
      number: cleanFloat(value),
    };
    if (numFmt && !/^general$/i.test(numFmt)) cell.numFmt = numFmt;
    // A number stored in a text-formatted cell prints as typed.
    if (parseNumberFormat(numFmt).text) cell.text = String(cleanFloat(value));
    return cell;
  }
  if (typeof value === 'string')
    return value === '' ? { type: 'empty', text: '' } : { type: 'string', text: value };
  if (typeof value === 'boolean') return { type: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { type: 'date', text: isoDate(value) };
  if ('error' in value) return { type: 'error', text: String(value.error) };
  if ('richText' in value) {
    const text = value.richText.map((part) => part.text).join('');
    return text === '' ? { type: 'empty', text: '' } : { type: 'string', text };
  }
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return { type: 'string', text };
    return toLooseCell(text as CellValue, numFmt);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // Formulas are never evaluated: the cached result is what the author's program printed.
    const formula =
      'formula' in value && value.formula
        ? value.formula
        : (value as { sharedFormula?: string }).sharedFormula;
    const cached = toLooseCell((value.result ?? null) as CellValue, numFmt);
    return formula ? { ...cached, formula } : cached;
  }
  return { type: 'string', text: String(value) };
}

function readWorksheet(worksheet: Worksheet, file: string, limits: ImportLimits): GridSheet {
  if (worksheet.rowCount > limits.maxRows) {
    throw new AdapterError(
      'TOO_MANY_ROWS',
      `${worksheet.rowCount} rows, more than the limit of ${limits.maxRows}`,
      { file, sheet: worksheet.name },
    );
  }
  if (worksheet.columnCount > limits.maxColumns) {
    throw new AdapterError(
      'TOO_MANY_COLUMNS',
      `${worksheet.columnCount} columns, more than the limit of ${limits.maxColumns}`,
      { file, sheet: worksheet.name },
    );
  }
  const cells = new Map<number, Map<number, LooseCell>>();
  const hiddenRows = new Set<number>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.add(rowNumber);
    const rowCells = new Map<number, LooseCell>();
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const numFmt = typeof cell.numFmt === 'string' ? cell.numFmt : undefined;
      rowCells.set(columnNumber, toLooseCell(cell.value, numFmt));
    });
    cells.set(rowNumber, rowCells);
  });
  return buildSheet({
    name: worksheet.name,
    hidden: worksheet.state !== 'visible',
    cells,
    hiddenRows,
    merges: [...(worksheet.model.merges ?? [])],
  });
}

/**
 * Reads an xlsx from bytes into the grid model. Guards the zip first (size, entry count,
 * actual inflated size), then lets exceljs parse it; formulas keep their cached values.
 */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  limits: ImportLimits,
): Promise<Grid> {
  guardXlsxZip(bytes, file, limits);
  const workbook = new Workbook();
  try {
    // exceljs's typings merge a Buffer-extends-ArrayBuffer interface into Node's Buffer, which
    // makes a real Buffer fail to type-check; at run time JSZip takes the Buffer as is.
    await workbook.xlsx.load(
      Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
  } catch (error) {
    throw new AdapterError(
      'CORRUPT_FILE',
      `the file is not a readable xlsx (${error instanceof Error ? error.message : String(error)})`,
      { file },
      { cause: error },
    );
  }
  return {
    fileName: file,
    fileType: 'xlsx',
    sheets: workbook.worksheets.map((worksheet) => readWorksheet(worksheet, file, limits)),
  };
}
