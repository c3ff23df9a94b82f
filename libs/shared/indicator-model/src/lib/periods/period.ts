/**
 * Reporting periods. One notation is used everywhere (API, command line, URLs, storage):
 *
 *   2022-08            a month
 *   2022-Q3            a quarter
 *   2022-H1            a half year
 *   2022               a year
 *   2022-01..2022-08   an inclusive range of months; starting in January it is the
 *                      bulletins' "cumulative to the end of August" (截至8月底, 1-8月)
 *
 * Periods are plain data so they serialise unchanged; dates are ISO strings so nothing
 * depends on the machine's time zone.
 */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export type Period =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'half'; readonly year: number; readonly half: 1 | 2 }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'range'; readonly from: YearMonth; readonly to: YearMonth };

export type PeriodKind = Period['kind'];

export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Invalid period "${input}": ${reason}`);
  }
}

export const PERIOD_NOTATION_HELP =
  'expected a month (2022-08), quarter (2022-Q3), half year (2022-H1), year (2022) or month range (2022-01..2022-08)';

const MIN_YEAR = 1949;
const MAX_YEAR = 2999;

function checkYear(input: string, year: number): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new PeriodError(input, `year ${year} is outside ${MIN_YEAR}-${MAX_YEAR}`);
  }
}

function parseYearMonth(input: string, text: string): YearMonth {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) throw new PeriodError(input, `"${text}" is not a month like 2022-08`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  checkYear(input, year);
  if (month < 1 || month > 12) throw new PeriodError(input, `month must be 01-12, got ${match[2]}`);
  return { year, month };
}

/** Parses period notation; throws PeriodError saying what is wrong. */
export function parsePeriod(text: string): Period {
  const input = text.trim();
  if (input.includes('..')) {
    const parts = input.split('..');
    if (parts.length !== 2) throw new PeriodError(text, 'a range has exactly one ".."');
    const from = parseYearMonth(text, parts[0]);
    const to = parseYearMonth(text, parts[1]);
    if (monthIndex(to) < monthIndex(from)) {
      throw new PeriodError(text, `the range ends (${parts[1]}) before it starts (${parts[0]})`);
    }
    return { kind: 'range', from, to };
  }
  let match = /^(\d{4})$/.exec(input);
  if (match) {
    const year = Number(match[1]);
    checkYear(text, year);
    return { kind: 'year', year };
  }
  match = /^(\d{4})-[Qq](\d)$/.exec(input);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    checkYear(text, year);
    if (quarter < 1 || quarter > 4)
      throw new PeriodError(text, `quarter must be Q1-Q4, got Q${quarter}`);
    return { kind: 'quarter', year, quarter: quarter as 1 | 2 | 3 | 4 };
  }
  match = /^(\d{4})-[Hh](\d)$/.exec(input);
  if (match) {
    const year = Number(match[1]);
    const half = Number(match[2]);
    checkYear(text, year);
    if (half < 1 || half > 2)
      throw new PeriodError(text, `half year must be H1 or H2, got H${half}`);
    return { kind: 'half', year, half: half as 1 | 2 };
  }
  if (/^\d{4}-\d{2}$/.test(input)) {
    const { year, month } = parseYearMonth(text, input);
    return { kind: 'month', year, month };
  }
  throw new PeriodError(text, PERIOD_NOTATION_HELP);
}

export type PeriodParseResult =
  | { readonly ok: true; readonly period: Period }
  | { readonly ok: false; readonly error: string };

/** Like parsePeriod, for input validation: never throws. */
export function tryParsePeriod(text: string): PeriodParseResult {
  try {
    return { ok: true, period: parsePeriod(text) };
  } catch (error) {
    if (error instanceof PeriodError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * True when `text` can be read as a period, including input that `normalisePeriod` tidies
 * (lower-case q/h, surrounding spaces): for what a person types.
 */
export function isValidPeriod(text: string): boolean {
  return tryParsePeriod(text).ok;
}

/**
 * True when `text` is period notation exactly as it is stored and sent (`2022-Q3`, never
 * `2022-q3` or ` 2022-Q3`), optionally of the given kinds: for batches, manifests, addresses
 * and API input that must already be canonical.
 */
export function isPeriod(text: string, kinds?: readonly PeriodKind[]): boolean {
  const parsed = tryParsePeriod(text);
  return (
    parsed.ok &&
    formatPeriod(parsed.period) === text &&
    (kinds === undefined || kinds.includes(parsed.period.kind))
  );
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function formatYearMonth(value: YearMonth): string {
  return `${value.year}-${pad(value.month)}`;
}

export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'month':
      return formatYearMonth(period);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'half':
      return `${period.year}-H${period.half}`;
    case 'year':
      return String(period.year);
    case 'range':
      return `${formatYearMonth(period.from)}..${formatYearMonth(period.to)}`;
  }
}

/** Accepts either notation or a parsed period; returns the parsed form. */
export function toPeriod(period: Period | string): Period {
  return typeof period === 'string' ? parsePeriod(period) : period;
}

/** Canonical notation for a string that may use lower-case q/h or spaces. */
export function normalisePeriod(text: string): string {
  return formatPeriod(parsePeriod(text));
}

function monthIndex(value: YearMonth): number {
  return value.year * 12 + (value.month - 1);
}

function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** First and last month covered. */
export function periodBounds(period: Period | string): { from: YearMonth; to: YearMonth } {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'month':
      return { from: { year: p.year, month: p.month }, to: { year: p.year, month: p.month } };
    case 'quarter':
      return {
        from: { year: p.year, month: p.quarter * 3 - 2 },
        to: { year: p.year, month: p.quarter * 3 },
      };
    case 'half':
      return {
        from: { year: p.year, month: p.half === 1 ? 1 : 7 },
        to: { year: p.year, month: p.half === 1 ? 6 : 12 },
      };
    case 'year':
      return { from: { year: p.year, month: 1 }, to: { year: p.year, month: 12 } };
    case 'range':
      return { from: p.from, to: p.to };
  }
}

/** The months covered, as YYYY-MM strings in order. */
export function monthsOf(period: Period | string): string[] {
  const { from, to } = periodBounds(period);
  const months: string[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index++) {
    months.push(formatYearMonth(fromMonthIndex(index)));
  }
  return months;
}

export function monthCount(period: Period | string): number {
  const { from, to } = periodBounds(period);
  return monthIndex(to) - monthIndex(from) + 1;
}

/**
 * A key that is equal for notations covering the same months ("2022-H1" and
 * "2022-01..2022-06"), so stored figures are found whichever notation an adapter used.
 */
export function periodKey(period: Period | string): string {
  const { from, to } = periodBounds(period);
  return `${formatYearMonth(from)}..${formatYearMonth(to)}`;
}

/** True when both are periods covering the same months; false when either is not a period. */
export function samePeriodSpan(a: Period | string, b: Period | string): boolean {
  const x = typeof a === 'string' ? tryParsePeriod(a) : { ok: true as const, period: a };
  const y = typeof b === 'string' ? tryParsePeriod(b) : { ok: true as const, period: b };
  return x.ok && y.ok && periodKey(x.period) === periodKey(y.period);
}

/** First and last month (YYYY-MM, inclusive) of a period. */
export interface MonthSpan {
  readonly start: string;
  readonly end: string;
}

/** The months a period covers, or undefined when `text` is not canonical period notation. */
export function periodSpan(text: string): MonthSpan | undefined {
  if (!isPeriod(text)) return undefined;
  const { from, to } = periodBounds(text);
  return { start: formatYearMonth(from), end: formatYearMonth(to) };
}

/** A month range in notation; a single month collapses to YYYY-MM. */
export function monthRange(
  startYear: number,
  startMonth: number,
  endYear: number,
  endMonth: number,
): string {
  const start = formatYearMonth({ year: startYear, month: startMonth });
  const end = formatYearMonth({ year: endYear, month: endMonth });
  return start === end ? start : `${start}..${end}`;
}

/** From January of the period's last year to its last month: what "累计" columns cover. */
export function yearToDate(period: Period | string): string {
  const { to } = periodBounds(period);
  return monthRange(to.year, 1, to.year, to.month);
}

/** True when every month of `inner` lies in `outer`. */
export function periodContains(outer: Period | string, inner: Period | string): boolean {
  const o = periodBounds(outer);
  const i = periodBounds(inner);
  return monthIndex(o.from) <= monthIndex(i.from) && monthIndex(i.to) <= monthIndex(o.to);
}

/** A range starting in January: the bulletins' cumulative "1-M月" / 截至M月底. */
export function isCumulative(period: Period | string): boolean {
  const p = toPeriod(period);
  return p.kind === 'range' && p.from.month === 1 && p.from.year === p.to.year;
}

/** The year a period belongs to for targets: the year of its last month. */
export function periodYear(period: Period | string): number {
  return periodBounds(period).to.year;
}

function lastDayOfMonth(value: YearMonth): number {
  const leap = (value.year % 4 === 0 && value.year % 100 !== 0) || value.year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][value.month - 1];
}

/** ISO date of the first day. */
export function periodStartDate(period: Period | string): string {
  return `${formatYearMonth(periodBounds(period).from)}-01`;
}

/** ISO date of the last day: the default "as of" date for the hierarchy and indicator versions. */
export function periodEndDate(period: Period | string): string {
  const { to } = periodBounds(period);
  return `${formatYearMonth(to)}-${pad(lastDayOfMonth(to))}`;
}

function shiftYear(period: Period, years: number): Period {
  switch (period.kind) {
    case 'range':
      return {
        kind: 'range',
        from: { year: period.from.year + years, month: period.from.month },
        to: { year: period.to.year + years, month: period.to.month },
      };
    default:
      return { ...period, year: period.year + years };
  }
}

/**
 * 环比: the period just before. A cumulative range "1-M月" steps back to "1-(M-1)月", which is
 * what a bulletin compares it with; "1-1月" steps back to the whole previous year. Any other
 * range steps back by its own length.
 */
export function previousPeriod(period: Period | string): Period {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'month': {
      const previous = fromMonthIndex(monthIndex(p) - 1);
      return { kind: 'month', ...previous };
    }
    case 'quarter':
      return p.quarter === 1
        ? { kind: 'quarter', year: p.year - 1, quarter: 4 }
        : { kind: 'quarter', year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
    case 'half':
      return p.half === 1
        ? { kind: 'half', year: p.year - 1, half: 2 }
        : { kind: 'half', year: p.year, half: 1 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
    case 'range': {
      if (isCumulative(p)) {
        return p.to.month === 1
          ? {
              kind: 'range',
              from: { year: p.from.year - 1, month: 1 },
              to: { year: p.from.year - 1, month: 12 },
            }
          : { kind: 'range', from: p.from, to: { year: p.to.year, month: p.to.month - 1 } };
      }
      const length = monthCount(p);
      return {
        kind: 'range',
        from: fromMonthIndex(monthIndex(p.from) - length),
        to: fromMonthIndex(monthIndex(p.to) - length),
      };
    }
  }
}

/** 同比: the same period a year earlier. */
export function samePeriodLastYear(period: Period | string): Period {
  return shiftYear(toPeriod(period), -1);
}

const QUARTER_ZH = ['一', '二', '三', '四'] as const;
const MONTH_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** The label a bulletin uses: 2022年8月, 2022年第三季度, 2022年上半年, 2022年, 2022年1-8月. */
export function periodLabelZh(period: Period | string): string {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'month':
      return `${p.year}年${p.month}月`;
    case 'quarter':
      return `${p.year}年第${QUARTER_ZH[p.quarter - 1]}季度`;
    case 'half':
      return `${p.year}年${p.half === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${p.year}年`;
    case 'range':
      if (p.from.year === p.to.year) {
        return p.from.month === p.to.month
          ? `${p.from.year}年${p.from.month}月`
          : `${p.from.year}年${p.from.month}-${p.to.month}月`;
      }
      return `${p.from.year}年${p.from.month}月至${p.to.year}年${p.to.month}月`;
  }
}

export function periodLabelEn(period: Period | string): string {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'month':
      return `${MONTH_EN[p.month - 1]} ${p.year}`;
    case 'quarter':
      return `Q${p.quarter} ${p.year}`;
    case 'half':
      return `H${p.half} ${p.year}`;
    case 'year':
      return String(p.year);
    case 'range':
      if (p.from.year === p.to.year) {
        return p.from.month === p.to.month
          ? `${MONTH_EN[p.from.month - 1]} ${p.from.year}`
          : `${MONTH_EN[p.from.month - 1]}–${MONTH_EN[p.to.month - 1]} ${p.from.year}`;
      }
      return `${MONTH_EN[p.from.month - 1]} ${p.from.year}–${MONTH_EN[p.to.month - 1]} ${p.to.year}`;
  }
}
