import {
  isPeriod,
  monthsOf,
  parsePeriod,
  periodLabelEn,
  periodLabelZh,
} from '@efficacy/indicator-model';

/**
 * The period notation (2022-08, 2022-01..2022-08, 2022-Q3, 2022-H1, 2022) as the picker
 * edits it. Reading and labelling are the shared model's, the same module the API and the
 * command line use; only the picker's fields are defined here.
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

/** The picker's fields for a period, or null when it is not one the picker can show. */
export function parsePeriodFields(text: string | null | undefined): PeriodFields | null {
  if (!text || !isPeriod(text)) return null;
  const p = parsePeriod(text);
  switch (p.kind) {
    case 'month':
      return fields('month', p.year, { month: p.month });
    case 'quarter':
      return fields('quarter', p.year, { quarter: p.quarter });
    case 'half':
      return fields('half', p.year, { half: p.half });
    case 'year':
      return fields('year', p.year, {});
    case 'range':
      // The picker edits ranges within one year; a range across years is shown as text.
      if (p.from.year !== p.to.year) return null;
      return p.from.month === 1
        ? fields('cumulative', p.to.year, { month: p.to.month })
        : fields('range', p.to.year, { month: p.to.month, fromMonth: p.from.month });
  }
}

function fields(kind: PeriodKind, year: number, rest: Partial<PeriodFields>): PeriodFields {
  return { kind, year, month: 12, fromMonth: 1, quarter: 1, half: 1, ...rest };
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
  return isPeriod(text) ? monthsOf(text) : [];
}

export function periodYearOf(text: string): number | null {
  return parsePeriodFields(text)?.year ?? null;
}

/** "2022年1-8月" / "Jan–Aug 2022" style label for the picker's own echo. */
export function periodLabel(text: string, language: 'zh-CN' | 'en'): string {
  if (!isPeriod(text)) return text;
  return language === 'zh-CN' ? periodLabelZh(text) : periodLabelEn(text);
}
