import { isPeriod, monthRange } from './period';

/**
 * Reading periods out of titles and sentences (1-8月, 截至6月30日, 上半年, 第三季度,
 * 二〇二二年三季度, 2022年度) into period notation. Pure: the SDK wraps a miss in its own
 * error type with the cell it came from.
 */

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

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
