/**
 * The state of one printed cell. "/" and "-" mean different things in the bulletins and
 * neither is zero: ranking or summing them as 0 would reward a unit for not reporting.
 */
export type ValueStatus = 'number' | 'not_connected' | 'not_applicable' | 'missing';

export interface NumberCell {
  readonly status: 'number';
  readonly value: number;
}

/** "/": the unit's evaluation system is not connected (评价系统未联通). */
export interface NotConnectedCell {
  readonly status: 'not_connected';
}

/** "-": nothing to measure, e.g. no cases this month, so a rate has no denominator. */
export interface NotApplicableCell {
  readonly status: 'not_applicable';
}

/** No figure at all (empty cell, or no row for the unit). */
export interface MissingCell {
  readonly status: 'missing';
}

export type CellValue = NumberCell | NotConnectedCell | NotApplicableCell | MissingCell;

export const NOT_CONNECTED: NotConnectedCell = Object.freeze({ status: 'not_connected' });
export const NOT_APPLICABLE: NotApplicableCell = Object.freeze({ status: 'not_applicable' });
export const MISSING: MissingCell = Object.freeze({ status: 'missing' });

export function numberCell(value: number): NumberCell {
  if (!Number.isFinite(value)) throw new RangeError(`A cell value must be finite, got ${value}`);
  return { status: 'number', value };
}

export function isNumberCell(cell: CellValue): cell is NumberCell {
  return cell.status === 'number';
}

/**
 * Which state wins when inputs without a number are combined. "Not connected" says the
 * most (the unit cannot report), "not applicable" next (nothing to report), "missing"
 * least (we simply have no figure).
 */
const STATUS_WEIGHT: Record<Exclude<ValueStatus, 'number'>, number> = {
  not_connected: 3,
  not_applicable: 2,
  missing: 1,
};

export function dominantStatus(statuses: readonly ValueStatus[]): Exclude<ValueStatus, 'number'> {
  let best: Exclude<ValueStatus, 'number'> = 'missing';
  for (const status of statuses) {
    if (status !== 'number' && STATUS_WEIGHT[status] > STATUS_WEIGHT[best]) best = status;
  }
  return best;
}

export function cellOfStatus(status: Exclude<ValueStatus, 'number'>): CellValue {
  return status === 'not_connected'
    ? NOT_CONNECTED
    : status === 'not_applicable'
      ? NOT_APPLICABLE
      : MISSING;
}

/** The symbol a bulletin prints for a state; numbers are formatted by the caller. */
export function statusSymbol(status: Exclude<ValueStatus, 'number'>): string {
  return status === 'not_connected' ? '/' : status === 'not_applicable' ? '-' : '';
}

export interface ParsedCell {
  readonly cell: CellValue;
  /** Decimal places as printed ("100.00%" → 2, "100%" → 0); absent for non-numbers. */
  readonly digits?: number;
  /** True when the text carried a percent sign. */
  readonly percent: boolean;
}

const NOT_CONNECTED_TEXT = new Set(['/', '／']);
const NOT_APPLICABLE_TEXT = new Set(['-', '—', '－', '–', '--']);

/**
 * Reads a printed cell: "/" and "-" states, "98.87", "100.00%", "1,681", "34.9万".
 * Percent figures stay in percent points (98.87), as printed, so they compare exactly.
 * Throws on anything else: a cell that cannot be read is an adapter bug, not data.
 */
export function parseCellText(text: string): ParsedCell {
  const trimmed = text.normalize('NFKC').replace(/\s+/g, '');
  if (trimmed === '') return { cell: MISSING, percent: false };
  if (NOT_CONNECTED_TEXT.has(trimmed)) return { cell: NOT_CONNECTED, percent: false };
  if (NOT_APPLICABLE_TEXT.has(trimmed)) return { cell: NOT_APPLICABLE, percent: false };
  const match = /^(-?\d{1,3}(?:,\d{3})+|-?\d+)(?:\.(\d+))?(%|万)?$/.exec(trimmed);
  if (!match) throw new RangeError(`Cannot read cell text "${text}" as a number, "/" or "-"`);
  const [, whole, fraction = '', suffix] = match;
  const plain = Number(`${whole.replace(/,/g, '')}${fraction ? `.${fraction}` : ''}`);
  if (suffix === '万') {
    // 34.9万 is 349000 exactly: shift the decimal point in the text, not in a double.
    if (fraction.length > 4) throw new RangeError(`"${text}" is not a whole number of units`);
    const units = Number(`${whole.replace(/,/g, '')}${fraction.padEnd(4, '0')}`);
    return { cell: numberCell(units), digits: 0, percent: false };
  }
  return { cell: numberCell(plain), digits: fraction.length, percent: suffix === '%' };
}
