import {
  regionSubject,
  subjectKey,
  unitSubject,
  type Hierarchy,
  type IndicatorValue,
  type RegionLevel,
  type Subject,
} from '@efficacy/indicator-model';

/**
 * When an aggregate counts as complete: at least `minShare` of the members the registry
 * expects have reported (a number, "-" or "/"; only "nothing in the file" is missing). At a
 * county the members are its units of `unitKinds` (and its townships); above it, the child
 * regions of the next administrative level.
 */
export interface CompletenessRule {
  /** 0..1; 1 (every member) by default. */
  readonly minShare: number;
  /** Unit kinds that count at a county; hall windows and 12345 companies do not by default. */
  readonly unitKinds?: readonly string[];
}

export const DEFAULT_COMPLETENESS: CompletenessRule = { minShare: 1 };

/** Kinds a county's department ranking lists: windows and 12345 companies are no members. */
export const DEFAULT_COUNTED_UNIT_KINDS: readonly string[] = [
  'department',
  'development-zone',
  'service-hall',
  'service-centre',
];

/** Completeness rules per indicator code; absent codes use the default. */
export type CompletenessRules = Readonly<Record<string, CompletenessRule>>;

export interface CoverageMember {
  readonly subject: Subject;
  readonly nameZh: string;
  readonly status: IndicatorValue['status'];
}

/**
 * How many of an aggregate's expected members are in it: "2 个县区中 1 个已报送". Members come
 * from the registry, never from whichever rows happen to have values.
 */
export interface Coverage {
  /** What the members are: 'county', 'city', … or 'unit' at a county. */
  readonly memberLevel: RegionLevel | 'unit';
  readonly expected: number;
  /** Members with anything printed: a number, "-" or "/". */
  readonly reported: number;
  /** Members whose number went into the figure. */
  readonly withFigures: number;
  readonly notApplicable: readonly CoverageMember[];
  readonly notConnected: readonly CoverageMember[];
  /** Members with nothing in the file. */
  readonly missing: readonly CoverageMember[];
  readonly minShare: number;
  /**
   * The source printed this region's own figure (its 合计 or a benchmark row): it speaks for
   * the whole region whatever rows are listed.
   */
  readonly printedTotal: boolean;
  /** Below the completeness rule and not a printed total: never ranked or judged as complete. */
  readonly partial: boolean;
}

const ADMINISTRATIVE: readonly RegionLevel[] = ['province', 'city', 'county'];

/** The members a region's aggregate is expected to cover, from the registry. */
export function expectedMembers(
  hierarchy: Hierarchy,
  regionCode: string,
  rule: CompletenessRule,
): { level: RegionLevel | 'unit'; subjects: Subject[] } {
  const regions = hierarchy.childRegions(regionCode);
  const administrative = regions.filter((r) => ADMINISTRATIVE.includes(r.level));
  if (administrative.length > 0) {
    return {
      level: administrative[0].level,
      subjects: administrative.map((r) => regionSubject(r.code)),
    };
  }
  const kinds = rule.unitKinds ?? DEFAULT_COUNTED_UNIT_KINDS;
  return {
    level: 'unit',
    subjects: [
      ...hierarchy
        .unitsOf(regionCode)
        .filter((u) => kinds.includes(u.kind))
        .map((u) => unitSubject(u.id)),
      ...regions.map((r) => regionSubject(r.code)),
    ],
  };
}

/**
 * A region's coverage for one indicator. `valueOf` is the assessment's (memoised) value of a
 * member; `own` the region's value, whose basis tells a printed total from a sum.
 */
export function coverageOf(
  hierarchy: Hierarchy,
  regionCode: string,
  own: IndicatorValue,
  rule: CompletenessRule,
  valueOf: (subject: Subject) => IndicatorValue,
  nameOf: (subject: Subject) => string,
): Coverage {
  const { level, subjects } = expectedMembers(hierarchy, regionCode, rule);
  const members = subjects.map((subject) => ({
    subject,
    nameZh: nameOf(subject),
    status: valueOf(subject).status,
  }));
  const withStatus = (status: IndicatorValue['status']) =>
    members.filter((m) => m.status === status);
  const missing = withStatus('missing');
  const reported = members.length - missing.length;
  const basis = own.derived?.bundle.basis;
  const printedTotal =
    own.status === 'number' &&
    (own.source === 'reported' ||
      basis === 'benchmark' ||
      basis === 'region-total' ||
      (own.reported?.value.status === 'number' && own.reported.role !== 'benchmark'));
  const share = members.length === 0 ? 1 : reported / members.length;
  return {
    memberLevel: level,
    expected: members.length,
    reported,
    withFigures: withStatus('number').length,
    notApplicable: withStatus('not_applicable'),
    notConnected: withStatus('not_connected'),
    missing,
    minShare: rule.minShare,
    printedTotal,
    partial: own.status === 'number' && !printedTotal && share < rule.minShare,
  };
}

/** A memo of values per subject, for one indicator in one assessment. */
export function memoised(
  compute: (subject: Subject) => IndicatorValue,
): (subject: Subject) => IndicatorValue {
  const cache = new Map<string, IndicatorValue>();
  return (subject) => {
    const key = subjectKey(subject);
    let value = cache.get(key);
    if (!value) {
      value = compute(subject);
      cache.set(key, value);
    }
    return value;
  };
}
