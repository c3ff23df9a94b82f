/**
 * Stable error codes. The import pipeline, the CLI and the console map these codes to
 * user-facing help, so a code is never renamed once released; add new ones instead.
 */
export const ADAPTER_ERROR_CODES = [
  'FILE_TOO_LARGE',
  'ZIP_BOMB',
  'UNSUPPORTED_FILE_TYPE',
  'CORRUPT_FILE',
  'ENCODING_UNDETECTED',
  'TOO_MANY_ROWS',
  'TOO_MANY_COLUMNS',
  'SHEET_NOT_FOUND',
  'HEADER_NOT_FOUND',
  'MISSING_COLUMN',
  'AMBIGUOUS_COLUMN',
  'UNIT_NAME_MISSING',
  'SHORT_ROW',
  'EMPTY_TABLE',
  'BAD_NUMBER',
  'BAD_VALUE',
  'PERIOD_NOT_FOUND',
  'REGION_NOT_FOUND',
  'UNKNOWN_REPORT_KIND',
  'BAD_CONTEXT',
  /** A region (given with the upload or named in the file) of another province than the adapter's. */
  'REGION_OUTSIDE_PROVINCE',
] as const;

export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

/** Where in a source file something happened. Only `file` is always known. */
export interface Location {
  file: string;
  sheet?: string;
  /** 1-based row number as a spreadsheet program shows it. */
  row?: number;
  /** A1-style column letter, e.g. "E". */
  column?: string;
  /** 1-based column index (E = 5). */
  columnIndex?: number;
  /** The column's header label, to make the message readable without opening the file. */
  header?: string;
}

/**
 * Renders a location in words: `a.xlsx, sheet "附件2", row 7, column E (线下评价数)`.
 * Every part that is known is named, because a clerk fixing a file needs to find the cell
 * without a debugger; the conformance harness checks that messages contain these parts.
 */
export function formatLocation(location: Location): string {
  const parts = [location.file];
  if (location.sheet !== undefined) parts.push(`sheet "${location.sheet}"`);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.column !== undefined) {
    parts.push(
      location.header
        ? `column ${location.column} (${location.header})`
        : `column ${location.column}`,
    );
  }
  return parts.join(', ');
}

/** The texts a message must contain to name a location (used by the conformance harness). */
export function locationTexts(location: Location): string[] {
  const texts = [location.file];
  if (location.sheet !== undefined) texts.push(`sheet "${location.sheet}"`);
  if (location.row !== undefined) texts.push(`row ${location.row}`);
  if (location.column !== undefined) texts.push(`column ${location.column}`);
  return texts;
}

/**
 * The only error type adapters throw for bad input. Anything else escaping `parse` is a
 * bug in the adapter, and the harness reports it as such.
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  readonly location: Location;
  /** The message without the location prefix, e.g. `"12O09" is not a number`. */
  readonly detail: string;

  constructor(code: AdapterErrorCode, detail: string, location: Location, options?: ErrorOptions) {
    super(`${formatLocation(location)}: ${detail}`, options);
    this.code = code;
    this.detail = detail;
    this.location = { ...location };
  }

  /** A JSON-friendly form for APIs and the CLI's `--json` output. */
  toJSON(): { code: AdapterErrorCode; message: string; location: Location } {
    return { code: this.code, message: this.message, location: this.location };
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}
