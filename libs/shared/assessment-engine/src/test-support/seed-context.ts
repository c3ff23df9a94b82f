import { DEMO_DATASETS, DEMO_REGISTRY, DEMO_TARGETS } from '@efficacy/indicator-model';
import { createAssessmentContext } from '../lib/context';

/** Spec helper: the engine over the seed datasets, demo regions, units and targets. */
export const seedContext = createAssessmentContext({
  registry: DEMO_REGISTRY,
  datasets: DEMO_DATASETS,
  targets: DEMO_TARGETS,
});
