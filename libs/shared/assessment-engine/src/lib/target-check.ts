import {
  exact,
  roundToNumber,
  type IndicatorDefinition,
  type IndicatorUnit,
  type IndicatorValue,
  type MeasureCode,
  type Rational,
  type ResolvedTarget,
} from '@efficacy/indicator-model';

export type TargetStatus = 'met' | 'close' | 'missed' | 'unknown';

/** What would have to change to meet the target, in whole cases, items or records. */
export interface TargetLever {
  /** The numerator (or counted) measures; any of them may move. */
  readonly measures: readonly MeasureCode[];
  readonly direction: 'increase' | 'decrease';
  readonly amount: number;
}

export interface TargetCheck {
  readonly targetId: string;
  readonly comparator: string;
  readonly value?: number;
  /** Region the target was set on (the row's own region, or an ancestor's). */
  readonly setOn: string;
  readonly inherited: boolean;
  readonly deadline?: string;
  readonly status: TargetStatus;
  /** Distance still to go in the indicator's display unit (percentage points for rates); 0 when met. */
  readonly gap?: number;
  readonly lever?: TargetLever;
}

/**
 * How far below a target still counts as "close": one percentage point for rates, 5% of
 * the target for counts, 10% for small ratios like visits per item.
 */
export const DEFAULT_CLOSE_MARGINS: Readonly<Record<IndicatorUnit, (target: number) => number>> = {
  percent: () => 1,
  count: (target) => Math.max(1, Math.abs(target) * 0.05),
  ratio: (target) => Math.abs(target) * 0.1,
};

function meets(comparator: string, value: number, target: number): boolean {
  return comparator === '>='
    ? value >= target
    : comparator === '<='
      ? value <= target
      : value === target;
}

/** Smallest whole x ≥ 0 (up to a bound) for which `ok(x)` holds; `ok` is monotone in x. */
function smallest(ok: (x: bigint) => boolean, bound: bigint): bigint | undefined {
  if (!ok(bound)) return undefined;
  let low = 0n;
  let high = bound;
  while (low < high) {
    const mid = (low + high) / 2n;
    if (ok(mid)) high = mid;
    else low = mid + 1n;
  }
  return low;
}

function rounded(definition: IndicatorDefinition, value: Rational): number {
  return roundToNumber(value, definition.rounding);
}

/**
 * The lever "N more items with cases" / "N fewer overdue cases": the least change of the
 * numerator (or the counted measure) that meets the target once rounded as printed. Only
 * for formulas where one side can move alone and all weights are 1.
 */
function leverFor(
  definition: IndicatorDefinition,
  value: IndicatorValue,
  comparator: string,
  target: number,
): TargetLever | undefined {
  const derived = value.derived;
  if (
    !derived ||
    derived.status !== 'number' ||
    derived.numerator === undefined ||
    comparator === '='
  )
    return undefined;
  // Levers are whole cases or items; fractional sums (days, hours) have none.
  if (!Number.isInteger(derived.numerator)) return undefined;
  const formula = definition.formula;
  const n = BigInt(derived.numerator);
  const check = (candidate: Rational) => meets(comparator, rounded(definition, candidate), target);
  const r = (x: bigint) => exact.rational(x);

  if (formula.kind === 'ratio') {
    if (formula.numerator.some((t) => (t.weight ?? 1) !== 1) || derived.denominator === undefined)
      return undefined;
    if (!Number.isInteger(derived.denominator)) return undefined;
    const d = BigInt(derived.denominator);
    const valueWith = (numerator: bigint): Rational => {
      const ratio = exact.div(r(numerator), r(d));
      return exact.mul(
        formula.variant === 'complement' ? exact.sub(exact.ONE, ratio) : ratio,
        exact.fromNumber(formula.factor),
      );
    };
    // Raising the numerator raises a plain ratio and lowers its complement.
    const rises = formula.variant !== 'complement';
    const increase = (comparator === '>=') === rises;
    const measures = formula.numerator.map((t) => t.measure);
    const amount = increase
      ? smallest((x) => check(valueWith(n + x)), 10n ** 12n)
      : smallest((x) => check(valueWith(n - x)), n);
    return amount === undefined
      ? undefined
      : { measures, direction: increase ? 'increase' : 'decrease', amount: Number(amount) };
  }
  if (
    formula.kind === 'growth' &&
    derived.denominator !== undefined &&
    Number.isInteger(derived.denominator)
  ) {
    const base = r(BigInt(derived.denominator));
    const valueWith = (current: bigint) =>
      exact.mul(
        exact.sub(exact.div(r(current), base), exact.ONE),
        exact.fromNumber(formula.factor),
      );
    const measures = formula.terms.map((t) => t.measure);
    const amount =
      comparator === '>='
        ? smallest((x) => check(valueWith(n + x)), 10n ** 12n)
        : smallest((x) => check(valueWith(n - x)), n);
    return amount === undefined
      ? undefined
      : {
          measures,
          direction: comparator === '>=' ? 'increase' : 'decrease',
          amount: Number(amount),
        };
  }
  if (formula.kind === 'sum') {
    const measures = formula.terms.map((t) => t.measure);
    const amount =
      comparator === '>='
        ? smallest((x) => check(r(n + x)), 10n ** 12n)
        : smallest((x) => check(r(n - x)), n);
    return amount === undefined
      ? undefined
      : {
          measures,
          direction: comparator === '>=' ? 'increase' : 'decrease',
          amount: Number(amount),
        };
  }
  return undefined;
}

function better(definition: IndicatorDefinition, a: number, b: number): boolean {
  return definition.polarity === 'lower-is-better' ? a < b : a > b;
}

/**
 * Whether a value meets its target. The rounded (displayed) value is compared, so a unit
 * shown at 98.50% meets "≥ 98.5". `improve` compares with the previous period.
 */
export function checkTarget(
  definition: IndicatorDefinition,
  value: IndicatorValue,
  resolved: ResolvedTarget,
  previous?: IndicatorValue,
): TargetCheck {
  const { target } = resolved;
  const base = {
    targetId: target.id,
    comparator: target.comparator,
    ...(target.value !== undefined ? { value: target.value } : {}),
    setOn: resolved.setOn,
    inherited: resolved.inherited,
    ...(target.deadline ? { deadline: target.deadline } : {}),
  };
  if (value.status !== 'number' || value.value === undefined) return { ...base, status: 'unknown' };
  const current = value.value;

  if (target.comparator === 'improve' || target.value === undefined) {
    if (!previous || previous.status !== 'number' || previous.value === undefined)
      return { ...base, status: 'unknown' };
    if (better(definition, current, previous.value)) return { ...base, status: 'met', gap: 0 };
    return { ...base, status: current === previous.value ? 'close' : 'missed' };
  }

  const goal = target.value;
  const digits = definition.rounding.digits;
  const round = (x: number) =>
    roundToNumber(exact.fromNumber(x), { mode: 'half-up', digits: digits + 2 });
  if (meets(target.comparator, current, goal)) return { ...base, status: 'met', gap: 0 };
  const gap = round(Math.abs(goal - current));
  const margin = DEFAULT_CLOSE_MARGINS[definition.unit](goal);
  const lever = leverFor(definition, value, target.comparator, goal);
  return { ...base, status: gap <= margin ? 'close' : 'missed', gap, ...(lever ? { lever } : {}) };
}
