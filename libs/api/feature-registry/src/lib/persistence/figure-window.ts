import { periodBounds } from '@efficacy/indicator-model';

/** Calendar years whose figures an assessment of one period can read. */
export interface FigureWindow {
  readonly fromYear: number;
  readonly toYear: number;
}

/**
 * The years an assessment of `period` reads: the period itself, 环比 (at most a year back: a
 * January cumulative steps back to the whole previous year) and 同比, whose growth indicators
 * compare with the year before that again. Two years back from the first month covers all of
 * them, so the query does not load a province's whole history for one month.
 */
export function figureWindow(period: string): FigureWindow {
  const { from, to } = periodBounds(period);
  return { fromYear: from.year - 2, toYear: to.year };
}

/**
 * SQL (no user input) for a stored period's first and last year. Every notation starts with
 * its first year (2022, 2022-08, 2022-Q3, 2022-H1, 2022-01..2022-08); only a range names a
 * second year, after "..".
 */
export function periodYearsSql(column: string): { start: string; end: string } {
  const start = `substr(${column}, 1, 4)::int`;
  const end = `(CASE WHEN strpos(${column}, '..') > 0 THEN substr(split_part(${column}, '..', 2), 1, 4)::int ELSE ${start} END)`;
  return { start, end };
}
