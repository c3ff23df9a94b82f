import type {
  Assessment,
  AssessmentRow,
  IndicatorAssessment,
  Subject,
  TargetStatus,
} from '@efficacy/api-contract';

/** A key that names a subject the same way across indicators: "region:640106", "unit:640106:spj". */
export function subjectKey(subject: Subject): string {
  return subject.kind === 'region' ? `region:${subject.code}` : `${subject.kind}:${subject.id}`;
}

export interface MatrixRow {
  readonly key: string;
  readonly subject: Subject;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: string;
  /** The assessed region's own row (its total), shown apart from the children. */
  readonly total: boolean;
  /** Indicator code → the row's assessment of it. */
  readonly cells: ReadonlyMap<string, AssessmentRow>;
}

/** Children × indicators, plus the region's own row first: the colour table's rows. */
export function matrixRows(assessment: Assessment): MatrixRow[] {
  const rows = new Map<string, MatrixRow & { cells: Map<string, AssessmentRow> }>();
  const add = (row: AssessmentRow, indicator: string, total: boolean) => {
    const key = subjectKey(row.subject);
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        key,
        subject: row.subject,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        kind: row.kind,
        total,
        cells: new Map(),
      };
      rows.set(key, entry);
    }
    entry.cells.set(indicator, row);
  };
  for (const indicator of assessment.indicators) {
    add(indicator.region, indicator.code, true);
    for (const child of indicator.children) add(child, indicator.code, false);
  }
  return [...rows.values()];
}

/** The target most children share for an indicator, for the column header ("≥ 98.5"). */
export function commonTarget(indicator: IndicatorAssessment) {
  return indicator.region.target ?? indicator.children.find((c) => c.target)?.target;
}

export function statusOf(row: AssessmentRow | undefined): TargetStatus | 'none' {
  return row?.target?.status ?? 'none';
}

export interface BehindEntry {
  readonly row: AssessmentRow;
  readonly indicator: IndicatorAssessment;
}

/**
 * Children below target on any indicator: missed before close, then the larger gap first
 * (relative to the target, so rates and counts compare).
 */
export function behind(assessment: Assessment): BehindEntry[] {
  const entries: BehindEntry[] = [];
  for (const indicator of assessment.indicators) {
    for (const row of indicator.children) {
      const s = row.target?.status;
      if (s === 'missed' || s === 'close') entries.push({ row, indicator });
    }
  }
  const weight = (e: BehindEntry) => {
    const t = e.row.target;
    const rel = t?.gap !== undefined && t.value ? t.gap / Math.abs(t.value) : 0;
    return (t?.status === 'missed' ? 10 : 0) + rel;
  };
  return entries.sort((a, b) => weight(b) - weight(a));
}

export interface StatusCounts {
  readonly met: number;
  readonly close: number;
  readonly missed: number;
  readonly unknown: number;
}

/** How many child × indicator cells met, nearly met or missed their target. */
export function statusCounts(assessment: Assessment): StatusCounts {
  const counts = { met: 0, close: 0, missed: 0, unknown: 0 };
  for (const indicator of assessment.indicators)
    for (const row of indicator.children) {
      const s = row.target?.status;
      // A partial aggregate is no verdict: it counts with the cells that cannot be judged.
      if (s) counts[s === 'partial' ? 'unknown' : s]++;
    }
  return counts;
}
