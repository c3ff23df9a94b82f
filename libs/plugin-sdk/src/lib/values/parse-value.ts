import type { ValueState, ValueUnit } from '../contract/batch';
import { AdapterError } from '../contract/errors';
import type { Location } from '../contract/errors';
import type { GridCell } from '../grid/grid';
import { cleanFloat, parseNumberFormat } from '../grid/number-format';

/**
 * What a column holds. `count`: whole numbers ≥ 0 (cases, items); `number`: any decimal
 * (days, hours, ratios printed without %); `percent`: percent points, with or without
 * a printed "%".
 */
export type ValueKind = 'count' | 'number' | 'percent';

export type ValueParseResult = { ok: true; value: ValueState } | { ok: false; reason: string };

// After NFKC, full-width "－" is "-"; these are the dashes NFKC leaves alone.
const DASH_ONLY = /^[-‐‑‒–—―−﹣]+$/;
const NUMBER = /^([+-])?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?$/;
// A division by zero in the source spreadsheet means exactly "no denominator".
const NOT_APPLICABLE_ERRORS = new Set(['#DIV/0!']);

function canonical(text: string): string {
  // U+2212 (minus sign) survives NFKC; as a leading sign it means "-".
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/^\u2212(?=\d)/, '-');
}

function decimalsOf(digits: string | undefined): number {
  return digits ? digits.length : 0;
}

function unitFor(kind: ValueKind, percentSign: boolean): ValueUnit {
  if (percentSign || kind === 'percent') return 'percent';
  return kind;
}

/**
 * Parses printed text into a value state without throwing. "98.87%", "1,234", "１２３４",
 * "/", "-", "—", "－" and "" are all understood; "12O09" is not.
 */
export function tryParseValue(text: string, kind: ValueKind = 'number'): ValueParseResult {
  const raw = text;
  const token = canonical(text);
  if (token === '') return { ok: true, value: { status: 'missing', raw } };
  if (token === '/') return { ok: true, value: { status: 'not_connected', raw } };
  if (DASH_ONLY.test(token) || NOT_APPLICABLE_ERRORS.has(token.toUpperCase())) {
    return { ok: true, value: { status: 'not_applicable', raw } };
  }
  const percentSign = token.endsWith('%');
  const body = percentSign ? token.slice(0, -1) : token;
  const match = NUMBER.exec(body);
  if (!match) return { ok: false, reason: `"${raw}" is not a number` };
  const [, sign, integer = '', fraction] = match;
  const value = cleanFloat(
    Number(`${sign ?? ''}${integer.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`),
  );
  if (kind === 'count') {
    if (percentSign)
      return { ok: false, reason: `"${raw}" is a percentage where a count is expected` };
    if (
      !Number.isInteger(value) ||
      value < 0 ||
      (fraction !== undefined && /[1-9]/.test(fraction))
    ) {
      return { ok: false, reason: `"${raw}" is not a whole number ≥ 0` };
    }
  }
  return {
    ok: true,
    value: {
      status: 'number',
      value: Object.is(value, -0) ? 0 : value,
      unit: unitFor(kind, percentSign),
      decimals: decimalsOf(fraction),
      raw,
    },
  };
}

/** Like tryParseValue, but throws BAD_NUMBER naming the location. */
export function parseValue(text: string, kind: ValueKind, location: Location): ValueState {
  const result = tryParseValue(text, kind);
  if (!result.ok) throw new AdapterError('BAD_NUMBER', result.reason, location);
  return result.value;
}

/**
 * Parses a grid cell. Number cells keep their stored number (a percent-formatted 0.9887 is
 * 98.87 percent points) and take the printed decimals from the formatted text; text cells
 * are parsed from their text.
 */
export function parseCellValue(cell: GridCell, kind: ValueKind, location: Location): ValueState {
  if (cell.type === 'number' && cell.number !== undefined) {
    const printed = tryParseValue(cell.text, kind);
    if (!printed.ok) throw new AdapterError('BAD_NUMBER', printed.reason, location);
    if (printed.value.status !== 'number') return printed.value;
    const percentFormat = parseNumberFormat(cell.numFmt).percent;
    const value = percentFormat ? cleanFloat(cell.number * 100) : cell.number;
    if (kind === 'count' && (!Number.isInteger(value) || value < 0)) {
      throw new AdapterError('BAD_NUMBER', `"${cell.text}" is not a whole number ≥ 0`, location);
    }
    return { ...printed.value, value };
  }
  if (cell.type === 'error' && !NOT_APPLICABLE_ERRORS.has(cell.text.toUpperCase())) {
    throw new AdapterError(
      'BAD_NUMBER',
      `the cell shows the spreadsheet error ${cell.text}${cell.formula ? ` (formula ${cell.formula})` : ''}`,
      location,
    );
  }
  if (cell.type === 'boolean' || cell.type === 'date') {
    throw new AdapterError('BAD_NUMBER', `"${cell.text}" is not a number`, location);
  }
  return parseValue(cell.text, kind, location);
}
