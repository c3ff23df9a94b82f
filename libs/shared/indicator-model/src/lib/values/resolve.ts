import { getMeasure, type MeasureCode } from '../measures/catalogue';
import { formatYearMonth, monthsOf, periodBounds } from '../periods/period';
import { cellOfStatus, dominantStatus, MISSING, numberCell, type CellValue } from './cell';
import { roleOf, type MeasureObservation, type ObservationRole, type Subject } from './observation';
import type { MeasureStore } from './store';

/**
 * How a subject's own figure for a measure was found:
 * - recorded: printed for exactly this period;
 * - dimensions: the sum of several records of the unit (one per licence type);
 * - parts: the sum of its decomposition (超期件 = 超期办结 + 超期未办);
 * - months: a flow summed over the months of a longer period;
 * - period-end: a stock read at the period's last month.
 */
export type ResolutionPath = 'recorded' | 'dimensions' | 'parts' | 'months' | 'period-end' | 'none';

export interface ResolvedMeasure {
  readonly subject: Subject;
  readonly measure: MeasureCode;
  readonly period: string;
  readonly value: CellValue;
  readonly path: ResolutionPath;
  /** The cells read, for provenance. */
  readonly sources: readonly MeasureObservation[];
}

function hasRole(observation: MeasureObservation, roles: readonly ObservationRole[]): boolean {
  return roles.includes(roleOf(observation));
}

function combine(
  subject: Subject,
  measure: MeasureCode,
  period: string,
  path: ResolutionPath,
  parts: readonly ResolvedMeasure[],
): ResolvedMeasure {
  const sources = parts.flatMap((p) => p.sources);
  if (parts.every((p) => p.value.status === 'number')) {
    const total = parts.reduce(
      (acc, p) => acc + (p.value.status === 'number' ? p.value.value : 0),
      0,
    );
    // Sums of printed decimals (702.3 hours) are rounded back to 6 places to drop binary noise.
    return {
      subject,
      measure,
      period,
      path,
      sources,
      value: numberCell(Math.round(total * 1e6) / 1e6),
    };
  }
  return {
    subject,
    measure,
    period,
    path,
    sources,
    value: cellOfStatus(dominantStatus(parts.map((p) => p.value.status))),
  };
}

function fromObservation(
  observation: MeasureObservation,
  measure: MeasureCode,
  period: string,
): ResolvedMeasure {
  return {
    subject: observation.subject,
    measure,
    period,
    value: observation.value,
    path: 'recorded',
    sources: [observation],
  };
}

function resolveExact(
  store: MeasureStore,
  subject: Subject,
  measure: MeasureCode,
  period: string,
  roles: readonly ObservationRole[],
): ResolvedMeasure | undefined {
  const found = store.measureAt(subject, measure, period).filter((o) => hasRole(o, roles));
  const plain = found.filter((o) => o.dimensions === undefined);
  // Several tables may print the same figure; the first (import order) stands, validation
  // reports any disagreement between them.
  if (plain.length > 0) return { ...fromObservation(plain[0], measure, period), sources: plain };
  if (found.length > 0) {
    return combine(
      subject,
      measure,
      period,
      'dimensions',
      found.map((o) => fromObservation(o, measure, period)),
    );
  }
  return undefined;
}

function resolveParts(
  store: MeasureStore,
  subject: Subject,
  measure: MeasureCode,
  period: string,
  roles: readonly ObservationRole[],
  depth: number,
): ResolvedMeasure | undefined {
  for (const decomposition of getMeasure(measure)?.decompositions ?? []) {
    const parts = decomposition.parts.map((part) =>
      resolveOwnMeasure(store, subject, part as MeasureCode, period, roles, depth + 1),
    );
    if (parts.every((p) => p.value.status === 'number'))
      return combine(subject, measure, period, 'parts', parts);
  }
  return undefined;
}

function resolveOverTime(
  store: MeasureStore,
  subject: Subject,
  measure: MeasureCode,
  period: string,
  roles: readonly ObservationRole[],
): ResolvedMeasure | undefined {
  const temporal = getMeasure(measure)?.temporal;
  if (temporal === 'flow') {
    const months = monthsOf(period);
    if (months.length < 2) return undefined;
    const parts = months.map((month) => resolveExact(store, subject, measure, month, roles));
    if (parts.every((p): p is ResolvedMeasure => p !== undefined && p.value.status === 'number')) {
      return combine(subject, measure, period, 'months', parts);
    }
  }
  if (temporal === 'stock') {
    const end = formatYearMonth(periodBounds(period).to);
    const candidates = store
      .measureAll(subject, measure)
      .filter((o) => hasRole(o, roles) && o.dimensions === undefined)
      .filter((o) => formatYearMonth(periodBounds(o.period).to) === end);
    if (candidates.length > 0) {
      return {
        ...fromObservation(candidates[0], measure, period),
        path: 'period-end',
        sources: candidates,
      };
    }
  }
  return undefined;
}

/**
 * A subject's own figure for a measure and period, without looking at other subjects.
 * Order: printed for the period, sum of dimension records, sum of parts, months of a flow
 * or the period-end level of a stock; otherwise missing.
 */
export function resolveOwnMeasure(
  store: MeasureStore,
  subject: Subject,
  measure: MeasureCode,
  period: string,
  roles: readonly ObservationRole[],
  depth = 0,
): ResolvedMeasure {
  const exact = resolveExact(store, subject, measure, period, roles);
  if (exact && exact.value.status === 'number') return exact;
  // Decompositions never nest deeply; the guard stops a malformed catalogue from looping.
  const parts = depth < 4 ? resolveParts(store, subject, measure, period, roles, depth) : undefined;
  if (parts) return parts;
  if (exact) return exact;
  const overTime = resolveOverTime(store, subject, measure, period, roles);
  if (overTime) return overTime;
  return { subject, measure, period, value: MISSING, path: 'none', sources: [] };
}
