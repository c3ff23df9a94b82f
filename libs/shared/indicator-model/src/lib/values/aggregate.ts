import { add, fromNumber, ZERO, type Rational } from '../arith/rational';
import type { MeasureCode } from '../measures/catalogue';
import { periodKey } from '../periods/period';
import type { Hierarchy } from '../regions/hierarchy';
import { dominantStatus, type ValueStatus } from './cell';
import { regionSubject, unitSubject, type Subject } from './observation';
import { resolveOwnMeasure, type ResolvedMeasure } from './resolve';
import type { MeasureStore } from './store';

/** One measure in one period that a formula needs. */
export interface Requirement {
  readonly measure: MeasureCode;
  readonly period: string;
}

export function requirementKey(requirement: Requirement): string {
  return `${requirement.measure}@${periodKey(requirement.period)}`;
}

/**
 * Where a node's figures come from:
 * - unit: the unit's own rows (plus predecessors merged into it);
 * - children: the sum over units and sub-regions below (the normal case);
 * - region-total: no unit below has all the figures, so the region's own 合计 or text
 *   figure is used (Jinfeng's 1681 items appear only in the text);
 * - benchmark: the source gave the region's own figure for a wider scope than the rows
 *   (安阳市 above 殷都区's departments); it stands for the region.
 */
export type Basis = 'unit' | 'children' | 'region-total' | 'benchmark';

/** A unit (or region standing in for its units) whose figures went into a sum. */
export interface Contribution {
  readonly subject: Subject;
  readonly inputs: readonly ResolvedMeasure[];
}

/** A unit left out of a sum because one of its figures is not a number, and why. */
export interface Exclusion {
  readonly subject: Subject;
  readonly status: Exclude<ValueStatus, 'number'>;
  readonly inputs: readonly ResolvedMeasure[];
}

/**
 * The figures a formula needs for one node, summed consistently: a unit enters the sum with
 * all of its figures or not at all. Otherwise a unit whose evaluations are "/" would add its
 * cases to the denominator and count as zero evaluations.
 */
export interface Bundle {
  readonly subject: Subject;
  readonly status: ValueStatus;
  /** Totals per requirement key; present when status is 'number'. */
  readonly totals: ReadonlyMap<string, Rational>;
  readonly basis?: Basis;
  readonly contributions: readonly Contribution[];
  readonly excluded: readonly Exclusion[];
}

function leafBundle(
  subject: Subject,
  inputs: readonly ResolvedMeasure[],
  requirements: readonly Requirement[],
  basis: Basis,
): Bundle {
  if (inputs.every((i) => i.value.status === 'number')) {
    const totals = new Map<string, Rational>();
    inputs.forEach((input, index) => {
      const value = input.value.status === 'number' ? input.value.value : 0;
      totals.set(requirementKey(requirements[index]), fromNumber(value));
    });
    return {
      subject,
      status: 'number',
      totals,
      basis,
      contributions: [{ subject, inputs }],
      excluded: [],
    };
  }
  const status = dominantStatus(inputs.map((i) => i.value.status));
  const hasData = inputs.some((i) => i.value.status !== 'missing');
  return {
    subject,
    status,
    totals: new Map(),
    basis,
    contributions: [],
    excluded: hasData ? [{ subject, status, inputs }] : [],
  };
}

function sumBundles(subject: Subject, parts: readonly Bundle[], basis: Basis): Bundle {
  const complete = parts.filter((p) => p.status === 'number');
  const excluded = parts.flatMap((p) => p.excluded);
  if (complete.length === 0) {
    return {
      subject,
      status: dominantStatus(parts.map((p) => p.status)),
      totals: new Map(),
      basis,
      contributions: [],
      excluded,
    };
  }
  const totals = new Map<string, Rational>();
  for (const part of complete) {
    for (const [key, value] of part.totals) totals.set(key, add(totals.get(key) ?? ZERO, value));
  }
  return {
    subject,
    status: 'number',
    totals,
    basis,
    contributions: complete.flatMap((p) => p.contributions),
    excluded,
  };
}

function ownBundle(
  store: MeasureStore,
  subject: Subject,
  requirements: readonly Requirement[],
  roles: Parameters<typeof resolveOwnMeasure>[4],
  basis: Basis,
): Bundle {
  const inputs = requirements.map((r) =>
    resolveOwnMeasure(store, subject, r.measure, r.period, roles),
  );
  return leafBundle(subject, inputs, requirements, basis);
}

/** A unit's figures, including those of predecessors merged or renamed into it. */
export function unitBundle(
  store: MeasureStore,
  hierarchy: Hierarchy,
  unitId: string,
  requirements: readonly Requirement[],
): Bundle {
  const own = ownBundle(store, unitSubject(unitId), requirements, ['row'], 'unit');
  const absorbed = hierarchy.absorbedUnits(unitId);
  if (absorbed.length === 0) return own;
  const predecessors = absorbed.map((u) =>
    ownBundle(store, unitSubject(u.id), requirements, ['row'], 'unit'),
  );
  const all = [own, ...predecessors];
  // Units with no figures at all are not "excluded", they simply did not exist then.
  const withData = all.filter((b) => b.status === 'number' || b.excluded.length > 0);
  return sumBundles(unitSubject(unitId), withData.length > 0 ? withData : [own], 'unit');
}

/**
 * A region's figures: its benchmark row if the source printed one; otherwise the sum over
 * the units and sub-regions below it (as the hierarchy stands on its "as of" date); and only
 * when nothing below has the figures, the region's own 合计 or text figure.
 */
export function regionBundle(
  store: MeasureStore,
  hierarchy: Hierarchy,
  regionCode: string,
  requirements: readonly Requirement[],
): Bundle {
  const subject = regionSubject(regionCode);
  const benchmark = ownBundle(store, subject, requirements, ['benchmark'], 'benchmark');
  if (benchmark.status === 'number') return benchmark;

  const children: Bundle[] = [
    ...hierarchy.unitsOf(regionCode).map((u) => unitBundle(store, hierarchy, u.id, requirements)),
    ...hierarchy
      .retiredUnitsOf(regionCode)
      .map((u) => ownBundle(store, unitSubject(u.id), requirements, ['row'], 'unit')),
    ...hierarchy
      .childRegions(regionCode)
      .map((r) => regionBundle(store, hierarchy, r.code, requirements)),
  ];
  const summed = sumBundles(subject, children, 'children');
  if (summed.status === 'number') return summed;

  const total = ownBundle(store, subject, requirements, ['total', 'subtotal'], 'region-total');
  if (total.status === 'number') return total;
  const status = dominantStatus([summed.status, total.status]);
  return { ...summed, status, excluded: [...summed.excluded, ...total.excluded] };
}

/** The bundle for any subject kind; groups sum their member units. */
export function subjectBundle(
  store: MeasureStore,
  hierarchy: Hierarchy,
  subject: Subject,
  requirements: readonly Requirement[],
): Bundle {
  switch (subject.kind) {
    case 'unit':
      return unitBundle(store, hierarchy, subject.id, requirements);
    case 'region':
      return regionBundle(store, hierarchy, subject.code, requirements);
    case 'group': {
      const members = store.group(subject.id)?.unitIds ?? [];
      const summed = sumBundles(
        subject,
        members.map((id) => unitBundle(store, hierarchy, id, requirements)),
        'children',
      );
      if (summed.status === 'number') return summed;
      return ownBundle(store, subject, requirements, ['subtotal', 'total'], 'region-total');
    }
  }
}
