import {
  div,
  fromNumber,
  isZero,
  mul,
  ONE,
  sub,
  sum,
  toNumber,
  type Rational,
} from '../arith/rational';
import { roundExact, roundToNumber, type RoundingMode, type RoundingRule } from '../arith/rounding';
import type { Formula, IndicatorDefinition, Term } from '../indicators/definition';
import { formatPeriod, previousPeriod, samePeriodLastYear } from '../periods/period';
import type { Hierarchy } from '../regions/hierarchy';
import { subjectBundle, requirementKey, type Bundle, type Requirement } from './aggregate';
import { MISSING, type ValueStatus } from './cell';
import type { ReportedIndicatorValue, Subject } from './observation';
import type { MeasureStore } from './store';

/** A value computed from counts. */
export interface DerivedValue {
  readonly status: ValueStatus;
  /** Unrounded; present when status is 'number'. */
  readonly exact?: Rational;
  /** Rounded under the indicator's rule; present when status is 'number'. */
  readonly value?: number;
  /** Σ numerator (ratio) or this period's total (growth, sum). */
  readonly numerator?: number;
  /** Σ denominator (ratio) or the base period's total (growth). */
  readonly denominator?: number;
  readonly bundle: Bundle;
  readonly requirements: readonly Requirement[];
}

/** Why a printed figure and the derived one differ, when it can be told. */
export type DiscrepancyHint =
  | { readonly kind: 'other-rounding'; readonly mode: RoundingMode }
  | {
      readonly kind: 'adjusted-count';
      readonly side: 'numerator' | 'denominator';
      readonly printed: number;
      readonly reproducesWith: number;
    };

export interface Discrepancy {
  /** value: both numbers, they differ beyond rounding; status: one is a number, the other not. */
  readonly kind: 'value' | 'status';
  readonly derived: number | ValueStatus;
  readonly reported: number | ValueStatus;
  /** reported − derived, in display units, when both are numbers. */
  readonly difference?: number;
  /** The rule the comparison used (the source's, else the indicator's). */
  readonly rule: RoundingRule;
  readonly hints: readonly DiscrepancyHint[];
}

/**
 * One indicator for one subject and period: the derived value and the printed value side
 * by side, and the value that counts (derived when it can be computed, otherwise reported).
 */
export interface IndicatorValue {
  readonly indicator: IndicatorDefinition;
  readonly subject: Subject;
  readonly period: string;
  /** Absent for reported-only indicators. */
  readonly derived?: DerivedValue;
  /** For reported-only indicators with a reference ratio: that ratio, shown, never used. */
  readonly reference?: DerivedValue;
  readonly reported?: ReportedIndicatorValue;
  readonly status: ValueStatus;
  /** Rounded effective value when status is 'number'. */
  readonly value?: number;
  readonly source: 'derived' | 'reported' | 'none';
  readonly discrepancy?: Discrepancy;
}

function requirementsOf(formula: Formula, period: string): Requirement[] {
  const at = (terms: readonly Term[], p: string): Requirement[] =>
    terms.map((t) => ({ measure: t.measure, period: p }));
  switch (formula.kind) {
    case 'ratio':
      return [...at(formula.numerator, period), ...at(formula.denominator, period)];
    case 'growth': {
      const base = formatPeriod(
        formula.base === 'same-period-last-year'
          ? samePeriodLastYear(period)
          : previousPeriod(period),
      );
      return [...at(formula.terms, period), ...at(formula.terms, base)];
    }
    case 'sum':
      return at(formula.terms, period);
    case 'reported':
      return formula.reference
        ? [...at(formula.reference.numerator, period), ...at(formula.reference.denominator, period)]
        : [];
  }
}

function weighted(bundle: Bundle, terms: readonly Term[], period: string): Rational {
  return sum(
    terms.map((t) =>
      mul(
        fromNumber(t.weight ?? 1),
        bundle.totals.get(requirementKey({ measure: t.measure, period })) ?? fromNumber(0),
      ),
    ),
  );
}

function evaluate(
  formula: Formula,
  period: string,
  bundle: Bundle,
  rounding: RoundingRule,
  requirements: readonly Requirement[],
): DerivedValue {
  if (bundle.status !== 'number') return { status: bundle.status, bundle, requirements };
  const done = (exact: Rational, numerator: Rational, denominator?: Rational): DerivedValue => ({
    status: 'number',
    exact,
    value: roundToNumber(exact, rounding),
    numerator: toNumber(numerator),
    ...(denominator ? { denominator: toNumber(denominator) } : {}),
    bundle,
    requirements,
  });
  switch (formula.kind) {
    case 'ratio': {
      const numerator = weighted(bundle, formula.numerator, period);
      const denominator = weighted(bundle, formula.denominator, period);
      // No denominator: nothing to measure (the bulletins print "-").
      if (isZero(denominator)) return { status: 'not_applicable', bundle, requirements };
      const ratio = div(numerator, denominator);
      const value = formula.variant === 'complement' ? sub(ONE, ratio) : ratio;
      return done(mul(value, fromNumber(formula.factor)), numerator, denominator);
    }
    case 'growth': {
      const basePeriod = requirements[requirements.length - 1].period;
      const current = weighted(bundle, formula.terms, period);
      const base = weighted(bundle, formula.terms, basePeriod);
      if (isZero(base)) return { status: 'not_applicable', bundle, requirements };
      return done(mul(sub(div(current, base), ONE), fromNumber(formula.factor)), current, base);
    }
    case 'sum': {
      const total = weighted(bundle, formula.terms, period);
      return done(total, total);
    }
    case 'reported': {
      if (!formula.reference) return { status: 'missing', bundle, requirements };
      return evaluate(
        { kind: 'ratio', ...formula.reference },
        period,
        bundle,
        rounding,
        requirements,
      );
    }
  }
}

/** Computes an indicator from counts for any subject, summing up the hierarchy. */
export function deriveIndicator(
  store: MeasureStore,
  hierarchy: Hierarchy,
  indicator: IndicatorDefinition,
  subject: Subject,
  period: string,
): DerivedValue {
  // A measure on both sides of a ratio (claimed / (claimed + unclaimed)) is read once.
  const requirements = [
    ...new Map(
      requirementsOf(indicator.formula, period).map((r) => [requirementKey(r), r]),
    ).values(),
  ];
  if (requirements.length === 0) {
    return {
      status: MISSING.status,
      bundle: { subject, status: 'missing', totals: new Map(), contributions: [], excluded: [] },
      requirements,
    };
  }
  const bundle = subjectBundle(store, hierarchy, subject, requirements);
  return evaluate(indicator.formula, period, bundle, indicator.rounding, requirements);
}

function ratioParts(derived: DerivedValue): { numerator: number; denominator: number } | undefined {
  return derived.numerator !== undefined && derived.denominator !== undefined
    ? { numerator: derived.numerator, denominator: derived.denominator }
    : undefined;
}

/**
 * Looks for the reason a printed rate differs: the other rounding mode, or a count off by one
 * or two (Yindu's 公安分局 prints 44.44% = 64/144 beside 143 items, one item having been
 * excluded after the rate was computed).
 */
function hintsFor(
  indicator: IndicatorDefinition,
  derived: DerivedValue,
  reported: number,
  rule: RoundingRule,
): DiscrepancyHint[] {
  const hints: DiscrepancyHint[] = [];
  if (!derived.exact) return hints;
  const other: RoundingMode = rule.mode === 'half-up' ? 'truncate' : 'half-up';
  const otherRounded = roundExact(derived.exact, other, rule.digits);
  if (toNumber(otherRounded) === reported) hints.push({ kind: 'other-rounding', mode: other });
  const parts = ratioParts(derived);
  if (
    indicator.formula.kind === 'ratio' &&
    parts &&
    Number.isInteger(parts.numerator) &&
    Number.isInteger(parts.denominator)
  ) {
    const { factor, variant } = indicator.formula;
    const value = (n: number, d: number): number | undefined => {
      if (d <= 0 || n < 0) return undefined;
      const ratio = div(fromNumber(n), fromNumber(d));
      return roundToNumber(
        mul(variant === 'complement' ? sub(ONE, ratio) : ratio, fromNumber(factor)),
        rule,
      );
    };
    for (const delta of [1, -1, 2, -2]) {
      if (value(parts.numerator, parts.denominator + delta) === reported) {
        hints.push({
          kind: 'adjusted-count',
          side: 'denominator',
          printed: parts.denominator,
          reproducesWith: parts.denominator + delta,
        });
      }
      if (value(parts.numerator + delta, parts.denominator) === reported) {
        hints.push({
          kind: 'adjusted-count',
          side: 'numerator',
          printed: parts.numerator,
          reproducesWith: parts.numerator + delta,
        });
      }
    }
  }
  return hints;
}

/**
 * Compares a printed value with the derived one under the source's rounding. They agree
 * when the exact derived value, rounded as the source rounds, is the printed figure.
 */
export function compareWithReported(
  indicator: IndicatorDefinition,
  derived: DerivedValue,
  reported: ReportedIndicatorValue,
): Discrepancy | undefined {
  const rule: RoundingRule = {
    mode: reported.rounding ?? indicator.rounding.mode,
    digits: reported.digits ?? indicator.rounding.digits,
  };
  if (derived.status === 'number' && reported.value.status === 'number' && derived.exact) {
    const rounded = roundToNumber(derived.exact, rule);
    if (rounded === reported.value.value) return undefined;
    return {
      kind: 'value',
      derived: rounded,
      reported: reported.value.value,
      difference: roundToNumber(fromNumber(reported.value.value - rounded), {
        mode: 'half-up',
        digits: Math.max(rule.digits, 0) + 2,
      }),
      rule,
      hints: hintsFor(indicator, derived, reported.value.value, rule),
    };
  }
  if (
    (derived.status === 'number') !== (reported.value.status === 'number') &&
    derived.status !== 'missing' &&
    reported.value.status !== 'missing'
  ) {
    return {
      kind: 'status',
      derived: derived.status === 'number' ? (derived.value as number) : derived.status,
      reported: reported.value.status === 'number' ? reported.value.value : reported.value.status,
      rule,
      hints: [],
    };
  }
  return undefined;
}

/** Derived and printed values of one indicator for one subject and period, side by side. */
export function computeIndicatorValue(
  store: MeasureStore,
  hierarchy: Hierarchy,
  indicator: IndicatorDefinition,
  subject: Subject,
  period: string,
): IndicatorValue {
  const reported = store.reportedAt(subject, indicator.code, period)[0];
  const base = { indicator, subject, period, ...(reported ? { reported } : {}) };

  if (indicator.formula.kind === 'reported') {
    const reference = indicator.formula.reference
      ? deriveIndicator(store, hierarchy, indicator, subject, period)
      : undefined;
    const ref = reference ? { reference } : {};
    if (reported?.value.status === 'number') {
      return { ...base, ...ref, status: 'number', value: reported.value.value, source: 'reported' };
    }
    return {
      ...base,
      ...ref,
      status: reported?.value.status ?? 'missing',
      source: reported ? 'reported' : 'none',
    };
  }

  const derived = deriveIndicator(store, hierarchy, indicator, subject, period);
  const discrepancy = reported ? compareWithReported(indicator, derived, reported) : undefined;
  const extra = { derived, ...(discrepancy ? { discrepancy } : {}) };
  if (derived.status === 'number') {
    return { ...base, ...extra, status: 'number', value: derived.value, source: 'derived' };
  }
  // Only a figure we have no counts for is taken from the print; "no denominator" or "not
  // connected" from the counts outranks a printed number.
  if (derived.status === 'missing' && reported) {
    return reported.value.status === 'number'
      ? { ...base, ...extra, status: 'number', value: reported.value.value, source: 'reported' }
      : { ...base, ...extra, status: reported.value.status, source: 'reported' };
  }
  return { ...base, ...extra, status: derived.status, source: 'derived' };
}
