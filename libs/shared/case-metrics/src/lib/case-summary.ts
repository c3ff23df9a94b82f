import {
  caseMonth,
  regionSubject,
  unitSubject,
  type CaseRecord,
  type Dataset,
  type MeasureObservation,
  type Subject,
} from '@efficacy/indicator-model';
import { CASE_MEASURES, countCase, emptyCounts, type CaseCounts } from './case-counts';

/** Counts of one unit (or, with unit null, the whole region) in one month. */
export interface CaseSlotSummary {
  readonly regionCode: string;
  /** The unit as printed in the export, or null for the region's total. */
  readonly unit: string | null;
  readonly month: string;
  readonly counts: CaseCounts;
  /** Distinct item codes with at least one case, and those whose only cases are test cases. */
  readonly items: ReadonlySet<string>;
  readonly itemsTestOnly: ReadonlySet<string>;
}

interface Slot {
  regionCode: string;
  unit: string | null;
  month: string;
  counts: CaseCounts;
  items: Map<string, boolean>;
}

/**
 * The in-memory path: counts per (region, unit, month) and per (region, month), for files small
 * enough to hold (tests, previews). The database path computes the same sums in SQL.
 */
export function summariseCases(records: Iterable<CaseRecord>, asOf: string): CaseSlotSummary[] {
  const slots = new Map<string, Slot>();
  const slot = (regionCode: string, unit: string | null, month: string): Slot => {
    const key = `${regionCode}|${month}|${unit ?? ''}`;
    let s = slots.get(key);
    if (!s) {
      s = { regionCode, unit, month, counts: emptyCounts(), items: new Map() };
      slots.set(key, s);
    }
    return s;
  };
  for (const record of records) {
    const month = caseMonth(record);
    for (const s of [
      slot(record.regionCode, record.unit, month),
      slot(record.regionCode, null, month),
    ]) {
      countCase(s.counts, record, asOf);
      // true while every case of the item so far is a test case
      s.items.set(record.itemCode, (s.items.get(record.itemCode) ?? true) && record.isTest);
    }
  }
  return [...slots.values()]
    .sort((a, b) =>
      `${a.regionCode}|${a.month}|${a.unit ?? ''}`.localeCompare(
        `${b.regionCode}|${b.month}|${b.unit ?? ''}`,
      ),
    )
    .map((s) => ({
      regionCode: s.regionCode,
      unit: s.unit,
      month: s.month,
      counts: s.counts,
      items: new Set(s.items.keys()),
      itemsTestOnly: new Set([...s.items].filter(([, testOnly]) => testOnly).map(([k]) => k)),
    }));
}

/** The observations one slot contributes, as an import of the aggregate path would write them. */
export function slotObservations(
  subject: Subject,
  period: string,
  counts: CaseCounts,
  items?: { withCases: number; testOnly: number },
): MeasureObservation[] {
  const role = subject.kind === 'unit' ? 'row' : 'total';
  const out: MeasureObservation[] = CASE_MEASURES.map(([field, measure]) => ({
    subject,
    period,
    measure,
    role,
    value: { status: 'number', value: counts[field] },
  }));
  out.push({
    subject,
    period,
    measure: 'cases.overdue',
    role,
    value: { status: 'number', value: counts.finishedLate + counts.unfinishedLate },
  });
  if (items) {
    out.push(
      {
        subject,
        period,
        measure: 'items.with_cases',
        role,
        value: { status: 'number', value: items.withCases },
      },
      {
        subject,
        period,
        measure: 'items.covered_by_test_only',
        role,
        value: { status: 'number', value: items.testOnly },
      },
    );
  }
  return out;
}

/**
 * The cases of a period as one Dataset: monthly flows per unit and region, plus the
 * non-additive item counts over the whole period. `unitIds` maps printed unit names to
 * registry ids; unmatched names count only in their region's total.
 */
export function casesDataset(
  importId: string,
  records: readonly CaseRecord[],
  asOf: string,
  unitIds: ReadonlyMap<string, string>,
  period: string,
): Dataset {
  const observations: MeasureObservation[] = [];
  for (const s of summariseCases(records, asOf)) {
    const subject = s.unit === null ? regionSubject(s.regionCode) : subjectOf(s.unit, unitIds);
    if (!subject) continue;
    observations.push(...slotObservations(subject, s.month, s.counts));
  }
  // Items over the whole period: one summary with every month folded into the period.
  const folded = records.map((r) => ({ ...r, received: `${period.slice(0, 7)}-01` }));
  for (const s of summariseCases(folded, asOf)) {
    const subject = s.unit === null ? regionSubject(s.regionCode) : subjectOf(s.unit, unitIds);
    if (!subject) continue;
    observations.push(
      ...slotObservations(subject, period, s.counts, {
        withCases: s.items.size,
        testOnly: s.itemsTestOnly.size,
      }).filter((o) => o.measure.startsWith('items.')),
    );
  }
  return { importId, observations, reported: [] };
}

function subjectOf(unit: string, unitIds: ReadonlyMap<string, string>): Subject | null {
  const id = unitIds.get(unit);
  return id ? unitSubject(id) : null;
}
