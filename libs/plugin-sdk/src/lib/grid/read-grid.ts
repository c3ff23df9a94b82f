import { AdapterError } from '../contract/errors';
import { resolveLimits } from '../contract/adapter';
import type { ImportLimits, SourceFile } from '../contract/adapter';
import type { FileType } from '../contract/manifest';
import { rememberGrid } from '../table/sheet-reads';
import { readCsv } from './csv';
import type { Grid } from './grid';
import { readXlsx } from './xlsx';

export type SniffedFileType = FileType | 'xls' | 'unknown';

function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * Decides the file type from the bytes first and the name second: users rename files, and
 * a platform's "导出Excel" button often produces a csv or a legacy .xls with an .xlsx name.
 */
export function sniffFileType(file: SourceFile): SniffedFileType {
  const b = file.bytes;
  if (
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    (b[2] === 0x03 || b[2] === 0x05) &&
    (b[3] === 0x04 || b[3] === 0x06)
  ) {
    return 'xlsx';
  }
  // OLE compound file: legacy .xls (or an encrypted xlsx, which is the same container).
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  const extension = extensionOf(file.name);
  if (['csv', 'tsv', 'txt'].includes(extension)) return 'csv';
  return 'unknown';
}

/** Throws FILE_TOO_LARGE before any parsing work is done. */
export function assertFileSize(file: SourceFile, limits: Pick<ImportLimits, 'maxFileBytes'>): void {
  if (file.bytes.byteLength > limits.maxFileBytes) {
    throw new AdapterError(
      'FILE_TOO_LARGE',
      `the file is ${file.bytes.byteLength} bytes, more than the limit of ${limits.maxFileBytes} bytes`,
      { file: file.name },
    );
  }
}

/**
 * Reads an xlsx or csv file into the grid model, enforcing every import limit.
 * `accept` restricts the types an adapter (or report kind) supports.
 */
export async function readGrid(
  file: SourceFile,
  options: { limits?: Partial<ImportLimits>; accept?: readonly FileType[] } = {},
): Promise<Grid> {
  const limits = resolveLimits(options.limits);
  assertFileSize(file, limits);
  const type = sniffFileType(file);
  const accept = options.accept ?? ['xlsx', 'csv'];
  if (type === 'xls') {
    throw new AdapterError(
      'UNSUPPORTED_FILE_TYPE',
      'legacy Excel 97-2003 (.xls) or password-protected workbooks are not read; save the file as .xlsx without a password',
      { file: file.name },
    );
  }
  if (type === 'unknown' && ['xlsx', 'xlsm'].includes(extensionOf(file.name))) {
    throw new AdapterError(
      'CORRUPT_FILE',
      'the file is named like an Excel workbook but is not one (its content is not a zip archive)',
      { file: file.name },
    );
  }
  if (type === 'unknown' || !accept.includes(type)) {
    throw new AdapterError(
      'UNSUPPORTED_FILE_TYPE',
      `the file type ${type === 'unknown' ? `"${extensionOf(file.name) || 'without extension'}"` : type} is not supported here (expected ${accept.join(' or ')})`,
      { file: file.name },
    );
  }
  const grid = await (type === 'xlsx'
    ? readXlsx(file.bytes, file.name, limits)
    : readCsv(file.bytes, file.name, limits));
  // The batch builder names the sheets of this upload that no table was read from.
  rememberGrid(file.bytes, grid);
  return grid;
}
