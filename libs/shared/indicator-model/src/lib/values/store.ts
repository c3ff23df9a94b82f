import type { MeasureCode } from '../measures/catalogue';
import { periodKey } from '../periods/period';
import {
  subjectKey,
  type Dataset,
  type MeasureObservation,
  type ReportedIndicatorValue,
  type Subject,
  type UnitGroup,
} from './observation';

/**
 * An in-memory index over imported figures. The API builds one from the rows a query
 * selects; tests build one from the seed datasets. Periods are matched by the months they
 * cover, so "2022-H1" finds figures stored as "2022-01..2022-06".
 */
export interface MeasureStore {
  readonly observations: readonly MeasureObservation[];
  readonly reported: readonly ReportedIndicatorValue[];
  readonly groups: readonly UnitGroup[];
  /** Observations of one measure for one subject covering exactly `period`, in import order. */
  measureAt(subject: Subject, measure: MeasureCode, period: string): MeasureObservation[];
  /** Observations of one measure for one subject, any period. */
  measureAll(subject: Subject, measure: MeasureCode): MeasureObservation[];
  /** Printed indicator values for one subject covering exactly `period`. */
  reportedAt(subject: Subject, indicator: string, period: string): ReportedIndicatorValue[];
  group(id: string): UnitGroup | undefined;
  /** Every subject that has any figure, for signals and validation sweeps. */
  subjects(): Subject[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createMeasureStore(datasets: readonly Dataset[]): MeasureStore {
  const observations = datasets.flatMap((d) => d.observations);
  const reported = datasets.flatMap((d) => d.reported);
  const groups = datasets.flatMap((d) => d.groups ?? []);

  const bySubjectMeasure = new Map<string, MeasureObservation[]>();
  const bySubjectMeasurePeriod = new Map<string, MeasureObservation[]>();
  const subjects = new Map<string, Subject>();
  for (const observation of observations) {
    const base = `${subjectKey(observation.subject)}|${observation.measure}`;
    push(bySubjectMeasure, base, observation);
    push(bySubjectMeasurePeriod, `${base}|${periodKey(observation.period)}`, observation);
    subjects.set(subjectKey(observation.subject), observation.subject);
  }
  const reportedIndex = new Map<string, ReportedIndicatorValue[]>();
  for (const value of reported) {
    push(
      reportedIndex,
      `${subjectKey(value.subject)}|${value.indicator}|${periodKey(value.period)}`,
      value,
    );
    subjects.set(subjectKey(value.subject), value.subject);
  }
  const groupsById = new Map(groups.map((g) => [g.id, g]));

  return {
    observations,
    reported,
    groups,
    measureAt: (subject, measure, period) =>
      bySubjectMeasurePeriod.get(`${subjectKey(subject)}|${measure}|${periodKey(period)}`) ?? [],
    measureAll: (subject, measure) =>
      bySubjectMeasure.get(`${subjectKey(subject)}|${measure}`) ?? [],
    reportedAt: (subject, indicator, period) =>
      reportedIndex.get(`${subjectKey(subject)}|${indicator}|${periodKey(period)}`) ?? [],
    group: (id) => groupsById.get(id),
    subjects: () => [...subjects.values()],
  };
}
