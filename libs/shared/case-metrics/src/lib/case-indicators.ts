import type { CaseCounts } from './case-counts';

/** One indicator computed from cases: the counts it divides and the percentage, or null without a denominator. */
export interface CaseIndicatorValue {
  readonly code: CaseIndicatorCode;
  readonly numerator: number;
  readonly denominator: number;
  /** Percent, 2 decimals half-up; null when the denominator is 0 (shown as "-"). */
  readonly percent: number | null;
}

export const CASE_INDICATOR_CODES = [
  'item_coverage',
  'overdue_rate',
  'on_time_rate',
  'online_share',
  'offline_share',
  'offline_evaluation_rate',
  'evaluation_rate',
  'satisfaction',
  'test_case_share',
] as const;

export type CaseIndicatorCode = (typeof CASE_INDICATOR_CODES)[number];

function pct(code: CaseIndicatorCode, numerator: number, denominator: number): CaseIndicatorValue {
  return {
    code,
    numerator,
    denominator,
    percent: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 100,
  };
}

/**
 * The case indicators of a set of counts. Codes match the indicator catalogue where it has the
 * indicator (item_coverage, overdue_rate, on_time_rate, offline_evaluation_rate, satisfaction);
 * coverage needs the number of items in the catalogue, which no case can tell.
 */
export function caseIndicators(
  counts: CaseCounts,
  items?: { withCases: number; catalogue: number | null },
): CaseIndicatorValue[] {
  const overdue = counts.finishedLate + counts.unfinishedLate;
  const values = [
    pct('overdue_rate', overdue, counts.cases),
    pct('on_time_rate', counts.cases - overdue, counts.cases),
    pct('online_share', counts.online, counts.cases),
    pct('offline_share', counts.offline, counts.cases),
    pct('offline_evaluation_rate', counts.offlineEvaluated, counts.offline),
    pct('evaluation_rate', counts.evaluations, counts.cases),
    pct('satisfaction', counts.good, counts.evaluations),
    pct('test_case_share', counts.test, counts.cases),
  ];
  if (items) values.unshift(pct('item_coverage', items.withCases, items.catalogue ?? 0));
  return values;
}
