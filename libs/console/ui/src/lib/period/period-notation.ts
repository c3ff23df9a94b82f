/**
 * The period notation of the API (2022-08, 2022-01..2022-08, 2022-Q3, 2022-H1, 2022) as
 * the picker edits it. Parsing here is only for the picker's fields; the API stays the
 * judge of what a period means.
 */
export type PeriodKind = 'month' | 'cumulative' | 'range' | 'quarter' | 'half' | 'year';

export interface PeriodFields {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Month for `month`; last month for `cumulative` and `range`. */
  readonly month: number;
  /** First month for `range`. */
  readonly fromMonth: number;
  readonly quarter: number;
  readonly half: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriodFields(text: string | null | undefined): PeriodFields | null {
  if (!text) return null;
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return fields('month', +m[1], { month: +m[2] });
  m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(text);
  if (m && m[1] === m[3]) {
    const from = +m[2];
    const to = +m[4];
    if (from > to) return null;
    return from === 1
      ? fields('cumulative', +m[1], { month: to })
      : fields('range', +m[1], { month: to, fromMonth: from });
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return fields('quarter', +m[1], { quarter: +m[2] });
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m) return fields('half', +m[1], { half: +m[2] });
  m = /^(\d{4})$/.exec(text);
  if (m) return fields('year', +m[1], {});
  return null;
}

function fields(kind: PeriodKind, year: number, rest: Partial<PeriodFields>): PeriodFields | null {
  const f: PeriodFields = { kind, year, month: 12, fromMonth: 1, quarter: 1, half: 1, ...rest };
  if (f.month < 1 || f.month > 12 || f.fromMonth < 1 || f.fromMonth > 12) return null;
  return f;
}

export function formatPeriodFields(f: PeriodFields): string {
  switch (f.kind) {
    case 'month':
      return `${f.year}-${pad(f.month)}`;
    case 'cumulative':
      return f.month === 1 ? `${f.year}-01` : `${f.year}-01..${f.year}-${pad(f.month)}`;
    case 'range': {
      const from = Math.min(f.fromMonth, f.month);
      const to = Math.max(f.fromMonth, f.month);
      return from === to ? `${f.year}-${pad(to)}` : `${f.year}-${pad(from)}..${f.year}-${pad(to)}`;
    }
    case 'quarter':
      return `${f.year}-Q${f.quarter}`;
    case 'half':
      return `${f.year}-H${f.half}`;
    case 'year':
      return `${f.year}`;
  }
}

/** The months a period spans, as YYYY-MM: for monthly trends. */
export function monthsOfPeriod(text: string): string[] {
  const f = parsePeriodFields(text);
  if (!f) return [];
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${f.year}-${pad(from + i)}`);
  switch (f.kind) {
    case 'month':
      return range(f.month, f.month);
    case 'cumulative':
      return range(1, f.month);
    case 'range':
      return range(f.fromMonth, f.month);
    case 'quarter':
      return range(f.quarter * 3 - 2, f.quarter * 3);
    case 'half':
      return range(f.half * 6 - 5, f.half * 6);
    case 'year':
      return range(1, 12);
  }
}

export function periodYearOf(text: string): number | null {
  return parsePeriodFields(text)?.year ?? null;
}

/** "2022年1-8月" / "Jan–Aug 2022" style label for the picker's own echo. */
export function periodLabel(text: string, language: 'zh-CN' | 'en'): string {
  const f = parsePeriodFields(text);
  if (!f) return text;
  const zh = language === 'zh-CN';
  const mon = (m: number) =>
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  switch (f.kind) {
    case 'month':
      return zh ? `${f.year}年${f.month}月` : `${mon(f.month)} ${f.year}`;
    case 'cumulative':
      return zh ? `${f.year}年1-${f.month}月` : `Jan–${mon(f.month)} ${f.year}`;
    case 'range':
      return zh
        ? `${f.year}年${f.fromMonth}-${f.month}月`
        : `${mon(f.fromMonth)}–${mon(f.month)} ${f.year}`;
    case 'quarter':
      return zh
        ? `${f.year}年第${['一', '二', '三', '四'][f.quarter - 1]}季度`
        : `Q${f.quarter} ${f.year}`;
    case 'half':
      return zh ? `${f.year}年${f.half === 1 ? '上' : '下'}半年` : `H${f.half} ${f.year}`;
    case 'year':
      return zh ? `${f.year}年` : `${f.year}`;
  }
}
