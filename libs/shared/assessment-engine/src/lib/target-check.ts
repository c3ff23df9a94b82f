import {
  exact,
  formatFixed,
  roundToNumber,
  type IndicatorDefinition,
  type IndicatorUnit,
  type IndicatorValue,
  type MeasureCode,
  type Rational,
  type ResolvedTarget,
} from '@efficacy/indicator-model';

/**
 * partial: the aggregate covers fewer members than its completeness rule asks, so it is not
 * judged as a met or missed result; `asIfComplete` says what the figure alone would be.
 */
export type TargetStatus = 'met' | 'close' | 'missed' | 'unknown' | 'partial';

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
  /** For a partial aggregate: the verdict its figure alone would get. */
  readonly asIfComplete?: Exclude<TargetStatus, 'partial'>;
  /**
   * The target is judged on the exact value; when the rounded display would say otherwise
   * (98.996 shows as 99.00 and misses ≥ 99) this says so, with the exact decimal.
   */
  readonly roundingNote?: {
    readonly display: string;
    readonly exact: string;
    readonly displayWouldMeet: boolean;
  };
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

/** The same on the exact rational: a target is met or missed on the value, not its display. */
export function meetsExactly(comparator: string, value: Rational, target: number): boolean {
  const c = exact.compare(value, exact.fromNumber(target));
  return comparator === '>=' ? c >= 0 : comparator === '<=' ? c <= 0 : c === 0;
}

/** The exact value behind a figure: derived values keep it; printed ones are what they say. */
export function exactValueOf(value: IndicatorValue): Rational | undefined {
  if (value.status !== 'number' || value.value === undefined) return undefined;
  if (value.source === 'derived' && value.derived?.exact) return value.derived.exact;
  return exact.fromNumber(value.value);
}

function decimalText(value: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const negative = value.n < 0n;
  const scaled = exact.floor(
    exact.mul(exact.rational(negative ? -value.n : value.n, value.d), exact.rational(scale)),
  );
  const text = scaled.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
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

/**
 * The lever "N more items with cases" / "N fewer overdue cases": the least change of the
 * numerator (or the counted measure) that meets the target on the exact value. Only
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
  const check = (candidate: Rational) => meetsExactly(comparator, candidate, target);
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
 * Whether a value meets its target, judged on the exact value (98.996 misses ≥ 99 although it
 * shows as 99.00); the gap is read off the displayed figure as a bulletin would print it.
 * `improve` compares with the previous period. A partial aggregate gets 'partial', with the
 * verdict its figure alone would get kept as `asIfComplete`.
 */
export function checkTarget(
  definition: IndicatorDefinition,
  value: IndicatorValue,
  resolved: ResolvedTarget,
  previous?: IndicatorValue,
  options: { readonly partial?: boolean } = {},
): TargetCheck {
  const check = judge(definition, value, resolved, previous);
  if (!options.partial || check.status === 'unknown' || check.status === 'partial') return check;
  return { ...check, status: 'partial', asIfComplete: check.status };
}

function judge(
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
  const exactValue = exactValueOf(value) ?? exact.fromNumber(current);
  const met = meetsExactly(target.comparator, exactValue, goal);
  const displayWouldMeet = meets(target.comparator, current, goal);
  const roundingNote =
    met !== displayWouldMeet
      ? {
          roundingNote: {
            display: formatFixed(current, digits),
            exact: decimalText(exactValue, Math.max(digits + 4, 6)),
            displayWouldMeet,
          },
        }
      : {};
  if (met) return { ...base, status: 'met', gap: 0, ...roundingNote };
  const shownGap = round(Math.abs(goal - current));
  // Shown at the target but short of it: the gap is below the printed precision.
  const gap =
    shownGap > 0
      ? shownGap
      : roundToNumber(exact.sub(exact.fromNumber(goal), exactValue), {
          mode: 'half-up',
          digits: digits + 4,
        });
  const margin = DEFAULT_CLOSE_MARGINS[definition.unit](goal);
  const lever = leverFor(definition, value, target.comparator, goal);
  return {
    ...base,
    status: gap <= margin ? 'close' : 'missed',
    gap: Math.abs(gap),
    ...(lever ? { lever } : {}),
    ...roundingNote,
  };
}
