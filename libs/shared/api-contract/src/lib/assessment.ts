/**
 * What GET /api/assessments, /api/explanations and /api/signals answer: the assessment
 * engine's own result types, plain JSON. Re-exported here so clients depend on the contract,
 * not on where the engine keeps them.
 */
export type {
  Assessment,
  AssessmentRow,
  Change,
  CompletenessRule,
  Coverage,
  CoverageMember,
  ExplainedContribution,
  ExplainedExclusion,
  ExplainedInput,
  Explanation,
  IndicatorAssessment,
  Signal,
  SignalKind,
  TargetCheck,
  TargetLever,
  TargetStatus,
  ValueSummary,
  Warning,
} from '@efficacy/assessment-engine';
export type {
  IndicatorUnit,
  Polarity,
  PolicySource,
  Provenance,
  RegionLevel,
  RoundingRule,
  Subject,
  TargetComparator,
  ValueStatus,
} from '@efficacy/indicator-model';
