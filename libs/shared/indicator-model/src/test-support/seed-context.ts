import { DEMO_DATASETS, DEMO_REGISTRY } from '../lib/demo';
import { getIndicator } from '../lib/indicators/registry';
import { periodEndDate } from '../lib/periods/period';
import { hierarchyAsOf } from '../lib/regions/hierarchy';
import { computeIndicatorValue, type IndicatorValue } from '../lib/values/derive';
import type { ReportedIndicatorValue, Subject } from '../lib/values/observation';
import { regionSubject, unitSubject } from '../lib/values/observation';
import { createMeasureStore } from '../lib/values/store';

/** Spec helper: the seed datasets loaded into one store, evaluated as of each period's end. */
export const seedStore = createMeasureStore(DEMO_DATASETS);

export function valueOf(code: string, subject: Subject | string, period: string): IndicatorValue {
  const resolved =
    typeof subject === 'string'
      ? subject.includes(':')
        ? unitSubject(subject)
        : regionSubject(subject)
      : subject;
  const asOf = periodEndDate(period);
  return computeIndicatorValue(
    seedStore,
    hierarchyAsOf(DEMO_REGISTRY, asOf),
    getIndicator(code, asOf),
    resolved,
    period,
  );
}

/** Printed values of one indicator in one sheet of one import, in row order. */
export function printedIn(
  importId: string,
  sheet: string,
  indicator: string,
): ReportedIndicatorValue[] {
  return seedStore.reported.filter(
    (r) =>
      r.provenance?.importId === importId &&
      r.provenance.sheet === sheet &&
      r.indicator === indicator,
  );
}

export interface Reproduction {
  readonly reported: ReportedIndicatorValue;
  readonly value: IndicatorValue;
}

/** Recomputes every printed value of a column from the counts. */
export function reproduceColumn(
  importId: string,
  sheet: string,
  indicator: string,
): Reproduction[] {
  return printedIn(importId, sheet, indicator).map((reported) => ({
    reported,
    value: valueOf(indicator, reported.subject, reported.period),
  }));
}
