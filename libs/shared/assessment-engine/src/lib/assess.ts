import {
  computeIndicatorValue,
  describeFormula,
  formatPeriod,
  parsePeriod,
  periodEndDate,
  periodLabelEn,
  periodLabelZh,
  periodYear,
  previousPeriod,
  regionSubject,
  resolveTarget,
  resolveUnitTarget,
  roundNumber,
  samePeriodLastYear,
  unitSubject,
  type Hierarchy,
  type IndicatorDefinition,
  type IndicatorValue,
  type Polarity,
  type RoundingRule,
  type Subject,
  type ValueStatus,
} from '@efficacy/indicator-model';
import type { AssessmentContext } from './context';
import {
  coverageOf,
  DEFAULT_COMPLETENESS,
  DEFAULT_COUNTED_UNIT_KINDS,
  memoised,
  type Coverage,
} from './coverage';
import { describeSubject } from './names';
import { competitionRanks } from './ranking';
import { detectSignals, type ItemActivity, type Signal } from './signals';
import { summariseValue, type ValueSummary } from './summary';
import { checkTarget, type TargetCheck } from './target-check';
import { validate } from './validation/validate';
import type { Warning } from './validation/warning';

export interface Change {
  readonly period: string;
  readonly status: ValueStatus;
  readonly value?: number;
  /** Current − earlier, in display units (percentage points for rates). */
  readonly delta?: number;
  readonly direction?: 'better' | 'worse' | 'same' | 'unranked';
}

export interface AssessmentRow {
  readonly subject: Subject;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Region level or unit kind, for grouping on screen. */
  readonly kind: string;
  readonly value: ValueSummary;
  readonly target?: TargetCheck;
  /**
   * Among the region's children; absent for the region itself, for "/", "-" and missing, and
   * for a partial aggregate (it is never ranked as if complete).
   */
  readonly rank?: number;
  /** For a region's row: how many of its expected members are in the figure. */
  readonly coverage?: Coverage;
  readonly change: { readonly previous?: Change; readonly yearOnYear?: Change };
}

export interface IndicatorAssessment {
  readonly code: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: IndicatorDefinition['unit'];
  readonly polarity: Polarity;
  readonly rounding: RoundingRule;
  readonly formulaZh: string;
  readonly formulaEn: string;
  /** The assessed region's own row. */
  readonly region: AssessmentRow;
  /** Units attached to the region and its direct sub-regions, ranked among themselves. */
  readonly children: readonly AssessmentRow[];
  /** How many children have a rank (a number to rank): "1 of 2 reported". */
  readonly ranked: number;
  /** How many children the registry expects to be ranked (units of the kinds that count). */
  readonly expected: number;
}

export interface Assessment {
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
  readonly period: string;
  readonly periodLabelZh: string;
  readonly periodLabelEn: string;
  readonly previousPeriod: string;
  readonly samePeriodLastYear: string;
  readonly asOf: string;
  readonly indicators: readonly IndicatorAssessment[];
  readonly warnings: readonly Warning[];
  readonly signals: readonly Signal[];
}

export interface AssessOptions {
  readonly regionCode: string;
  /** Period notation, e.g. 2022-01..2022-08. */
  readonly period: string;
  /** Hierarchy and indicator-version date; the period's last day when absent. */
  readonly asOf?: string;
  /** Only these indicators; by default every indicator with a figure or a target. */
  readonly indicators?: readonly string[];
  /** Recompute with older versions: { item_coverage: 1 }. */
  readonly versions?: Readonly<Record<string, number>>;
  readonly itemActivity?: readonly ItemActivity[];
}

export class AssessmentError extends Error {
  override readonly name = 'AssessmentError';
}

function childSubjects(
  hierarchy: Hierarchy,
  regionCode: string,
): Array<{ subject: Subject; kind: string }> {
  return [
    ...hierarchy.unitsOf(regionCode).map((u) => ({ subject: unitSubject(u.id), kind: u.kind })),
    ...hierarchy
      .childRegions(regionCode)
      .map((r) => ({ subject: regionSubject(r.code), kind: r.level })),
  ];
}

function difference(definition: IndicatorDefinition, current: number, earlier: number): number {
  return roundNumber(current - earlier, { mode: 'half-up', digits: definition.rounding.digits });
}

function changeAgainst(
  definition: IndicatorDefinition,
  current: IndicatorValue,
  earlier: IndicatorValue,
): Change {
  const base = {
    period: earlier.period,
    status: earlier.status,
    ...(earlier.value !== undefined ? { value: earlier.value } : {}),
  };
  if (current.value === undefined || earlier.value === undefined) return base;
  const delta = difference(definition, current.value, earlier.value);
  const direction =
    definition.polarity === 'neutral'
      ? 'unranked'
      : delta === 0
        ? 'same'
        : delta > 0 === (definition.polarity === 'higher-is-better')
          ? 'better'
          : 'worse';
  return { ...base, delta, direction };
}

function hasFigures(value: IndicatorValue): boolean {
  return value.status !== 'missing' || value.reported !== undefined;
}

/**
 * Assesses a region for a period: for every indicator, the region's own value and each
 * child's (units attached to it and its direct sub-regions), with target status, gap and
 * lever, rank among the children, and change against the previous period and the same period
 * last year. Values are always summed counts divided once, never averaged rates.
 */
export function assess(context: AssessmentContext, options: AssessOptions): Assessment {
  const period = formatPeriod(parsePeriod(options.period));
  const asOf = options.asOf ?? periodEndDate(period);
  const hierarchy = context.hierarchy(asOf);
  const region = hierarchy.region(options.regionCode);
  if (!region)
    throw new AssessmentError(`Region "${options.regionCode}" does not exist on ${asOf}`);
  const previous = formatPeriod(previousPeriod(period));
  const lastYear = formatPeriod(samePeriodLastYear(period));
  const year = periodYear(period);
  const children = childSubjects(hierarchy, region.code);

  const definitions = (
    options.indicators ?? context.catalogue.listAsOf(asOf).map((d) => d.code)
  ).map((code) => {
    const pinned = options.versions?.[code];
    return context.catalogue.get(code, pinned !== undefined ? { version: pinned } : asOf);
  });

  const indicators: IndicatorAssessment[] = [];
  for (const definition of definitions) {
    const valueOf = memoised((subject: Subject) =>
      computeIndicatorValue(context.store, hierarchy, definition, subject, period),
    );
    const rule = context.completeness[definition.code] ?? DEFAULT_COMPLETENESS;
    const nameOf = (subject: Subject) => describeSubject(context.registry, subject).zh;
    const coverageFor = (subject: Subject, value: IndicatorValue): Coverage | undefined =>
      subject.kind === 'region'
        ? coverageOf(hierarchy, subject.code, value, rule, valueOf, nameOf)
        : undefined;
    const regionValue = valueOf(regionSubject(region.code));
    const childValues = children.map((c) => {
      const value = valueOf(c.subject);
      return { ...c, value, coverage: coverageFor(c.subject, value) };
    });
    const regionCoverage = coverageFor(regionSubject(region.code), regionValue);
    const hasTarget =
      resolveTarget(context.targets, definition.code, region.code, year, hierarchy) !== undefined;
    const anyFigures = hasFigures(regionValue) || childValues.some((c) => hasFigures(c.value));
    if (options.indicators === undefined && !anyFigures && !hasTarget) continue;

    const ranks = competitionRanks(
      childValues.map((c) =>
        c.value.status === 'number' && !c.coverage?.partial ? c.value.value : undefined,
      ),
      definition.polarity,
    );

    const row = (
      subject: Subject,
      kind: string,
      value: IndicatorValue,
      coverage: Coverage | undefined,
      rank?: number,
    ): AssessmentRow => {
      // A unit's target is always its region's (or an ancestor's): inherited.
      const resolved =
        subject.kind === 'region'
          ? resolveTarget(context.targets, definition.code, subject.code, year, hierarchy)
          : subject.kind === 'unit'
            ? resolveUnitTarget(context.targets, definition.code, subject.id, year, hierarchy)
            : undefined;
      // Earlier periods are read through today's hierarchy, so a merged unit is compared
      // with its predecessors' figures and a moved town with its own past.
      const previousValue = computeIndicatorValue(
        context.store,
        hierarchy,
        definition,
        subject,
        previous,
      );
      const lastYearValue = computeIndicatorValue(
        context.store,
        hierarchy,
        definition,
        subject,
        lastYear,
      );
      const names = describeSubject(context.registry, subject);
      const target = resolved
        ? checkTarget(definition, value, resolved, previousValue, {
            partial: coverage?.partial === true,
          })
        : undefined;
      return {
        subject,
        nameZh: names.zh,
        nameEn: names.en,
        kind,
        value: summariseValue(value),
        ...(target ? { target } : {}),
        ...(rank !== undefined ? { rank } : {}),
        ...(coverage ? { coverage } : {}),
        change: {
          ...(hasFigures(previousValue)
            ? { previous: changeAgainst(definition, value, previousValue) }
            : {}),
          ...(hasFigures(lastYearValue)
            ? { yearOnYear: changeAgainst(definition, value, lastYearValue) }
            : {}),
        },
      };
    };

    indicators.push({
      code: definition.code,
      version: definition.version,
      nameZh: definition.nameZh,
      nameEn: definition.nameEn,
      unit: definition.unit,
      polarity: definition.polarity,
      rounding: definition.rounding,
      formulaZh: describeFormula(definition.formula, 'zh'),
      formulaEn: describeFormula(definition.formula, 'en'),
      region: row(regionSubject(region.code), region.level, regionValue, regionCoverage),
      children: childValues.map((c, i) => row(c.subject, c.kind, c.value, c.coverage, ranks[i])),
      ranked: ranks.filter((r) => r !== undefined).length,
      expected:
        definition.polarity === 'neutral'
          ? 0
          : children.filter(
              (c) =>
                c.subject.kind === 'region' ||
                (rule.unitKinds ?? DEFAULT_COUNTED_UNIT_KINDS).includes(c.kind),
            ).length,
    });
  }

  return {
    regionCode: region.code,
    regionNameZh: region.nameZh,
    regionNameEn: region.nameEn,
    period,
    periodLabelZh: periodLabelZh(period),
    periodLabelEn: periodLabelEn(period),
    previousPeriod: previous,
    samePeriodLastYear: lastYear,
    asOf,
    indicators,
    warnings: validate(context, { regionCode: region.code, period, asOf }),
    signals: detectSignals(context, {
      regionCode: region.code,
      period,
      asOf,
      ...(options.itemActivity ? { itemActivity: options.itemActivity } : {}),
    }),
  };
}
