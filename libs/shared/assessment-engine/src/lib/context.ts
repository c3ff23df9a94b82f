import {
  createMeasureStore,
  hierarchyAsOf,
  INDICATOR_CATALOGUE,
  MEASURE_RULES,
  type Dataset,
  type Hierarchy,
  type IndicatorCatalogue,
  type MeasureRule,
  type MeasureStore,
  type Registry,
  type Target,
} from '@efficacy/indicator-model';
import type { CompletenessRules } from './coverage';

/**
 * Everything an assessment reads, built once per request: the API fills it from the
 * database, the command line from the API, tests from the seed datasets.
 */
export interface AssessmentContext {
  readonly registry: Registry;
  readonly catalogue: IndicatorCatalogue;
  readonly store: MeasureStore;
  readonly targets: readonly Target[];
  readonly rules: readonly MeasureRule[];
  /** Per indicator: how much of a region must report before its aggregate is complete. */
  readonly completeness: CompletenessRules;
  /** Memoised per date: one assessment asks for the same hierarchy many times. */
  hierarchy(asOf: string): Hierarchy;
}

export interface ContextInput {
  readonly registry: Registry;
  /** Either datasets (an index is built) or a ready store. */
  readonly datasets?: readonly Dataset[];
  readonly store?: MeasureStore;
  readonly catalogue?: IndicatorCatalogue;
  readonly targets?: readonly Target[];
  readonly rules?: readonly MeasureRule[];
  readonly completeness?: CompletenessRules;
}

export function createAssessmentContext(input: ContextInput): AssessmentContext {
  const hierarchies = new Map<string, Hierarchy>();
  return {
    registry: input.registry,
    catalogue: input.catalogue ?? INDICATOR_CATALOGUE,
    store: input.store ?? createMeasureStore(input.datasets ?? []),
    targets: input.targets ?? [],
    rules: input.rules ?? MEASURE_RULES,
    completeness: input.completeness ?? {},
    hierarchy(asOf: string): Hierarchy {
      let hierarchy = hierarchies.get(asOf);
      if (!hierarchy) {
        hierarchy = hierarchyAsOf(input.registry, asOf);
        hierarchies.set(asOf, hierarchy);
      }
      return hierarchy;
    },
  };
}
