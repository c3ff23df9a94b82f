import { analyse } from 'chardet';
import { parse } from 'csv-parse/sync';
import { decode, encodingExists } from 'iconv-lite';

import { AdapterError } from '../contract/errors';
import type { Location } from '../contract/errors';
import type { ImportLimits } from '../contract/adapter';
import { buildSheet, columnLetter } from './grid';
import type { Grid, GridCell } from './grid';

export interface DecodedText {
  text: string;
  /** Canonical lower-case name: utf-8, gb18030, utf-16le, utf-16be, or what chardet named. */
  encoding: string;
  bom: boolean;
}

/**
 * Control characters other than tab / CR / LF never occur in a sane export; seeing them (or
 * U+FFFD) after decoding means we picked the wrong encoding.
 */
function implausible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function tryIconv(bytes: Uint8Array, encoding: string): string | undefined {
  if (!encodingExists(encoding)) return undefined;
  const text = decode(toBuffer(bytes), encoding);
  return implausible(text) ? undefined : text;
}

/**
 * Decodes exported text. Order matters: a BOM is authoritative; then strict UTF-8 (valid
 * UTF-8 is almost never accidental); then GB18030, the superset of GBK/GB2312 that Chinese
 * Excel and WPS write by default; chardet only breaks ties for the rare rest (UTF-16 without
 * BOM, Big5). A decode that yields control characters or U+FFFD is rejected.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    if (text !== undefined) return { text, encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: decode(toBuffer(bytes.subarray(2)), 'utf-16le'),
      encoding: 'utf-16le',
      bom: true,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: decode(toBuffer(bytes.subarray(2)), 'utf-16be'),
      encoding: 'utf-16be',
      bom: true,
    };
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined && !implausible(utf8))
    return { text: utf8, encoding: 'utf-8', bom: false };
  const candidates = ['gb18030'];
  for (const match of analyse(bytes)) {
    const name = match.name.toLowerCase();
    if (!candidates.includes(name) && name !== 'utf-8') candidates.push(name);
  }
  // UTF-16 without a BOM is full of NUL bytes, which GB18030 decodes "successfully" into
  // control characters; the plausibility check sends us on to chardet's answer.
  for (const encoding of candidates) {
    const text = tryIconv(bytes, encoding);
    if (text !== undefined) return { text, encoding, bom: false };
  }
  throw new AdapterError(
    'ENCODING_UNDETECTED',
    `the text encoding could not be determined (tried UTF-8, ${candidates.join(', ')}); save the file as UTF-8 or GB18030 CSV`,
    { file },
  );
}

const DELIMITERS = [',', '\t', ';'] as const;

/** Counts delimiter occurrences outside double quotes, per line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
  }
  return count;
}

/**
 * Picks the delimiter that splits the first lines most consistently: the one whose
 * per-line count most often equals its (non-zero) mode. Comma wins ties, as in Excel.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, 30);
  let best: { delimiter: string; score: number; mode: number } = {
    delimiter: ',',
    score: -1,
    mode: 0,
  };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const frequency = new Map<number, number>();
    for (const count of counts)
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let mode = 0;
    let modeFrequency = 0;
    for (const [count, times] of frequency) {
      if (times > modeFrequency || (times === modeFrequency && count > mode)) {
        mode = count;
        modeFrequency = times;
      }
    }
    // Lines with fewer delimiters (titles, notes) are normal; lines with any still count.
    const score = counts.filter((count) => count > 0).length + modeFrequency;
    if (score > best.score || (score === best.score && mode > best.mode)) {
      best = { delimiter, score, mode };
    }
  }
  return best.delimiter;
}

/**
 * Reads a csv into the grid model: one sheet named after the file. Row numbers are record
 * numbers (what a spreadsheet shows when it opens the file), empty lines included.
 */
export function readCsv(bytes: Uint8Array, file: string, limits: ImportLimits): Grid {
  const decoded = decodeText(bytes, file);
  const delimiter = detectDelimiter(decoded.text);
  const sheetName = file.replace(/\.[^.]+$/, '');
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (error) {
    // csv-parse counts the records it finished; the broken one (an unclosed quote) is next.
    const info = error as { records?: unknown; index?: unknown };
    const location: Location = { file, sheet: sheetName };
    if (typeof info.records === 'number') location.row = info.records + 1;
    if (typeof info.index === 'number') {
      location.column = columnLetter(info.index + 1);
      location.columnIndex = info.index + 1;
    }
    throw new AdapterError(
      'CORRUPT_FILE',
      `the csv cannot be read (${error instanceof Error ? error.message : String(error)})`,
      location,
      { cause: error },
    );
  }
  if (records.length > limits.maxRows) {
    throw new AdapterError(
      'TOO_MANY_ROWS',
      `${records.length} rows, more than the limit of ${limits.maxRows}`,
      { file, sheet: sheetName },
    );
  }
  const cells = new Map<number, Map<number, Omit<GridCell, 'row' | 'column' | 'merge'>>>();
  const fieldCounts = new Map<number, number>();
  records.forEach((record, index) => {
    if (record.length > limits.maxColumns) {
      throw new AdapterError(
        'TOO_MANY_COLUMNS',
        `${record.length} columns, more than the limit of ${limits.maxColumns}`,
        { file, sheet: sheetName, row: index + 1 },
      );
    }
    const rowCells = new Map<number, Omit<GridCell, 'row' | 'column' | 'merge'>>();
    record.forEach((value, column) => {
      if (value !== '') rowCells.set(column + 1, { type: 'string', text: value });
    });
    cells.set(index + 1, rowCells);
    fieldCounts.set(index + 1, record.length);
  });
  return {
    fileName: file,
    fileType: 'csv',
    encoding: decoded.encoding,
    delimiter,
    sheets: [buildSheet({ name: sheetName, cells, fieldCounts })],
  };
}
