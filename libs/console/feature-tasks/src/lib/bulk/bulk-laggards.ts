import type { Assessment, AssessmentRow, IndicatorAssessment } from '@efficacy/api-contract';

/** A unit below target on the chosen indicator: one row of the bulk table. */
export interface BulkCandidate {
  readonly unitId: string;
  readonly row: AssessmentRow;
  readonly indicator: IndicatorAssessment;
}

/**
 * The units a bulk run would open tasks for (the API's rule: units missed or close to the
 * target), worst first: missed before close, then by relative gap.
 */
export function bulkCandidates(assessment: Assessment, indicator: string): BulkCandidate[] {
  const ia = assessment.indicators.find((i) => i.code === indicator);
  if (!ia) return [];
  const weight = (r: AssessmentRow) => {
    const t = r.target;
    const rel = t?.gap !== undefined && t.value ? Math.abs(t.gap) / Math.abs(t.value) : 0;
    return (t?.status === 'missed' ? 10 : 0) + rel;
  };
  return ia.children
    .filter(
      (r) =>
        r.subject.kind === 'unit' &&
        (r.target?.status === 'missed' || r.target?.status === 'close'),
    )
    .sort((a, b) => weight(b) - weight(a))
    .map((row) => ({ unitId: (row.subject as { id: string }).id, row, indicator: ia }));
}

/** A date picker's day as the API's YYYY-MM-DD (the day the user picked, not a UTC shift). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
