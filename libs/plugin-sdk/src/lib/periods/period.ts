import { AdapterError } from '../contract/errors';
import type { Location } from '../contract/errors';

/**
 * Period notation used across Efficacy:
 *   2022          a year
 *   2022-H1       a half year
 *   2022-Q3       a quarter
 *   2022-08       a month
 *   2022-01..2022-08  an inclusive range of months (e.g. "1-8月", or "截至8月底")
 * Strings, so they sort, serialise and compare without a date library.
 */

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const RANGE = /^(\d{4})-(0[1-9]|1[0-2])\.\.(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthSpan {
  /** First month, YYYY-MM. */
  start: string;
  /** Last month, YYYY-MM (inclusive). */
  end: string;
}

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

/** The months a period covers, or undefined when the string is not period notation. */
export function periodSpan(period: string): MonthSpan | undefined {
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(period))) return { start: `${m[1]}-01`, end: `${m[1]}-12` };
  if ((m = MONTH.exec(period))) return { start: period, end: period };
  if ((m = QUARTER.exec(period))) {
    const q = Number(m[2]);
    return { start: `${m[1]}-${pad(q * 3 - 2)}`, end: `${m[1]}-${pad(q * 3)}` };
  }
  if ((m = HALF.exec(period))) {
    return m[2] === '1'
      ? { start: `${m[1]}-01`, end: `${m[1]}-06` }
      : { start: `${m[1]}-07`, end: `${m[1]}-12` };
  }
  if ((m = RANGE.exec(period))) {
    const start = `${m[1]}-${m[2]}`;
    const end = `${m[3]}-${m[4]}`;
    return start <= end ? { start, end } : undefined;
  }
  return undefined;
}

export function isPeriod(text: string): boolean {
  return periodSpan(text) !== undefined;
}

/** True when two notations cover the same months ("2022-H1" and "2022-01..2022-06"). */
export function samePeriodSpan(a: string, b: string): boolean {
  const x = periodSpan(a);
  const y = periodSpan(b);
  return !!x && !!y && x.start === y.start && x.end === y.end;
}

/** A month range in notation: a single month collapses to YYYY-MM. */
export function monthRange(
  startYear: number,
  startMonth: number,
  endYear: number,
  endMonth: number,
): string {
  const start = `${startYear}-${pad(startMonth)}`;
  const end = `${endYear}-${pad(endMonth)}`;
  return start === end ? start : `${start}..${end}`;
}

/** From January of the period's last year to its last month: what "累计" columns cover. */
export function yearToDate(period: string): string {
  const span = periodSpan(period);
  if (!span) throw new RangeError(`"${period}" is not period notation`);
  const [year = '', month = ''] = span.end.split('-');
  return monthRange(Number(year), 1, Number(year), Number(month));
}

// ---------------------------------------------------------------------------------------
// Parsing periods out of titles and sentences.

export type PeriodPhraseKind =
  | 'notation'
  | 'range'
  | 'to-date'
  | 'half'
  | 'quarter'
  | 'month'
  | 'year';

export interface PeriodMatch {
  period: string;
  kind: PeriodPhraseKind;
  /** The normalised substring that matched, e.g. "2022年1-8月". */
  matched: string;
  /** Where the year came from: the phrase itself, elsewhere in the text, or the caller. */
  yearSource: 'phrase' | 'text' | 'context';
  /** "截至6月15日": a cut-off inside a month; the period still ends with that month. */
  partialMonth?: boolean;
}

export type FindPeriodResult =
  | { found: true; match: PeriodMatch }
  | { found: false; reason: 'none' | 'no-year'; phrase?: string };

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function chineseNumber(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  if (token === '十') return 10;
  if (token.startsWith('十')) return 10 + (CN_DIGITS[token.slice(1)] ?? NaN);
  if (token.length === 1) return CN_DIGITS[token] ?? NaN;
  return NaN;
}

function normalisePhrase(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/[‐‑‒–—―−~～]/g, '-')
    .replace(/-+/g, '-')
    .replace(/[〇零]/g, '0');
}

function chineseYear(text: string): string {
  // "二〇二二年" → "2022年": only four-character runs of numerals directly before 年.
  return text.replace(/([〇零一二三四五六七八九0]{4})年/g, (_all, digits: string) => {
    const converted = [...digits].map((ch) => (ch === '0' ? 0 : CN_DIGITS[ch])).join('');
    return `${converted}年`;
  });
}

const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const Y = '(\\d{4})年';

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

/**
 * Finds the reporting period in a title or sentence. Phrases are tried from the most
 * specific to the least ("1-8月" before "8月", "截至…" before a bare month), because titles
 * often also carry an issue date. A phrase without a year takes one from elsewhere in the
 * text ("2022年" in the same title), then from `options.year`.
 */
export function findPeriod(text: string, options: { year?: number } = {}): FindPeriodResult {
  const source = chineseYear(normalisePhrase(text));
  if (isPeriod(source))
    return {
      found: true,
      match: { period: source, kind: 'notation', matched: source, yearSource: 'phrase' },
    };
  const textYear = /(?<!\d)(\d{4})年/.exec(source)?.[1];
  let missingYearPhrase: string | undefined;

  const resolveYear = (
    phraseYear: string | undefined,
  ): { year: number; source: PeriodMatch['yearSource'] } | undefined => {
    if (phraseYear) return { year: Number(phraseYear), source: 'phrase' };
    if (textYear) return { year: Number(textYear), source: 'text' };
    if (options.year !== undefined) return { year: options.year, source: 'context' };
    return undefined;
  };

  const attempt = (
    pattern: RegExp,
    build: (
      m: RegExpExecArray,
      year: number,
    ) => { period: string; partialMonth?: boolean } | undefined,
    kind: PeriodPhraseKind,
    yearGroup = 1,
  ): PeriodMatch | undefined => {
    const m = pattern.exec(source);
    if (!m) return undefined;
    const year = resolveYear(m[yearGroup]);
    if (!year) {
      missingYearPhrase ??= m[0];
      return undefined;
    }
    const built = build(m, year.year);
    if (!built) return undefined;
    const match: PeriodMatch = {
      period: built.period,
      kind,
      matched: m[0],
      yearSource: year.source,
    };
    if (built.partialMonth) match.partialMonth = true;
    return match;
  };

  const match =
    // 2021年12月-2022年2月
    attempt(
      new RegExp(`${Y}${M}月?(?:-|至|到)${Y}${M}月`),
      (m) => {
        const [a, b, c, d] = [
          Number(m[1]),
          chineseNumber(m[2] ?? ''),
          Number(m[3]),
          chineseNumber(m[4] ?? ''),
        ];
        if (!validMonth(b) || !validMonth(d) || `${a}-${pad(b)}` > `${c}-${pad(d)}`)
          return undefined;
        return { period: monthRange(a, b, c, d) };
      },
      'range',
    ) ??
    // 2022年1-8月, 1—8月, 1月至8月
    attempt(
      new RegExp(`(?:${Y})?(?<![\\d])${M}月?(?:-|至|到)${M}月(?!\\d*日)`),
      (m, year) => {
        const [from, to] = [chineseNumber(m[2] ?? ''), chineseNumber(m[3] ?? '')];
        if (!validMonth(from) || !validMonth(to) || from > to) return undefined;
        return { period: monthRange(year, from, year, to) };
      },
      'range',
    ) ??
    // 截至6月30日, 截止8月底, 截至2023年6月份
    attempt(
      new RegExp(`截[至止]到?(?:${Y})?${M}月(?:(\\d{1,2})日|底|末|份)?`),
      (m, year) => {
        const month = chineseNumber(m[2] ?? '');
        if (!validMonth(month)) return undefined;
        const day = m[3] ? Number(m[3]) : undefined;
        const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const result: { period: string; partialMonth?: boolean } = {
          period: monthRange(year, 1, year, month),
        };
        if (day !== undefined && day < lastDay) result.partialMonth = true;
        return result;
      },
      'to-date',
    ) ??
    // 2022年上半年, 上半年
    attempt(
      new RegExp(`(?:${Y}度?)?([上下])半年`),
      (m, year) => ({ period: `${year}-H${m[2] === '上' ? 1 : 2}` }),
      'half',
    ) ??
    // 第三季度, 2022年三季度, 2022Q3
    attempt(
      new RegExp(`(?:${Y}度?)?第?([1-4一二三四])季度`),
      (m, year) => ({ period: `${year}-Q${chineseNumber(m[2] ?? '')}` }),
      'quarter',
    ) ??
    attempt(/(\d{4})-?Q([1-4])/i, (m, year) => ({ period: `${year}-Q${m[2]}` }), 'quarter') ??
    // 2023年6月, 9月份, 6月
    attempt(
      new RegExp(`(?:${Y})?(?<![\\d])${M}月(?:份)?`),
      (m, year) => {
        const month = chineseNumber(m[2] ?? '');
        return validMonth(month) ? { period: monthRange(year, month, year, month) } : undefined;
      },
      'month',
    ) ??
    // 2022年, 2022年度
    attempt(new RegExp(`${Y}度?`), (_m, year) => ({ period: String(year) }), 'year');

  if (match) return { found: true, match };
  return missingYearPhrase
    ? { found: false, reason: 'no-year', phrase: missingYearPhrase }
    : { found: false, reason: 'none' };
}

/** Parses a period phrase; throws PERIOD_NOT_FOUND naming the location when there is none. */
export function parsePeriod(text: string, options: { year?: number; location: Location }): string {
  const result = findPeriod(text, options);
  if (result.found) return result.match.period;
  throw periodNotFound(text, result, options.location);
}

function periodNotFound(text: string, result: FindPeriodResult, location: Location): AdapterError {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const detail =
    !result.found && result.reason === 'no-year'
      ? `"${result.phrase}" in "${shown}" names no year, and none was given with the upload`
      : `no reporting period (such as "1-8月", "2023年6月", "上半年", "第三季度") found in "${shown}", and none was given with the upload`;
  return new AdapterError('PERIOD_NOT_FOUND', detail, location);
}

export interface PeriodCandidate {
  text: string;
  location: Location;
}

export interface ResolvedPeriod {
  period: string;
  /** Where the period came from; `context` means the caller supplied it. */
  source: 'file' | 'context';
  match?: PeriodMatch;
  location?: Location;
}

/**
 * The period for a batch: the first candidate text (title rows, a 填报时间 cell, ...) that
 * states one, with a missing year completed from the context; otherwise the context's
 * period; otherwise PERIOD_NOT_FOUND at the first candidate.
 */
export function resolvePeriod(
  candidates: readonly PeriodCandidate[],
  context: { period?: string; year?: number },
  fallbackLocation: Location,
): ResolvedPeriod {
  if (context.period !== undefined && !isPeriod(context.period)) {
    throw new AdapterError(
      'BAD_CONTEXT',
      `the period "${context.period}" given with the upload is not period notation (2022-08, 2022-Q3, 2022-H1, 2022, 2022-01..2022-08)`,
      fallbackLocation,
    );
  }
  const contextYear =
    context.year ??
    (context.period ? Number(periodSpan(context.period)?.end.slice(0, 4)) : undefined);
  let failure: { candidate: PeriodCandidate; result: FindPeriodResult } | undefined;
  for (const candidate of candidates) {
    const result = findPeriod(
      candidate.text,
      contextYear !== undefined ? { year: contextYear } : {},
    );
    if (result.found) {
      return {
        period: result.match.period,
        source: 'file',
        match: result.match,
        location: candidate.location,
      };
    }
    // "8月 without a year" explains more than "nothing here", so it wins the error message.
    if (
      !failure ||
      (result.reason === 'no-year' && !failure.result.found && failure.result.reason === 'none')
    ) {
      failure = { candidate, result };
    }
  }
  if (context.period !== undefined) return { period: context.period, source: 'context' };
  if (failure)
    throw periodNotFound(failure.candidate.text, failure.result, failure.candidate.location);
  throw new AdapterError(
    'PERIOD_NOT_FOUND',
    'the file states no reporting period and none was given with the upload',
    fallbackLocation,
  );
}
