import { floor, fromNumber, mul, rational, type Rational } from './rational';

/**
 * How a source turns an exact ratio into the printed figure. Both occur in the seeds:
 * Yindu's tables round half-up (106/159 is printed 66.67%), Xiqu's platform truncates
 * (27/28 is printed 96.42%).
 */
export type RoundingMode = 'half-up' | 'truncate';

export interface RoundingRule {
  readonly mode: RoundingMode;
  /** Decimal places kept, in the indicator's display unit (percent points for rates). */
  readonly digits: number;
}

/** Rounds an exact value; half-up rounds ties away from zero, as Excel's ROUND does. */
export function roundExact(value: Rational, mode: RoundingMode, digits: number): Rational {
  const scale = 10n ** BigInt(digits);
  const scaled = mul(value, rational(scale));
  const negative = scaled.n < 0n;
  const magnitude = negative ? rational(-scaled.n, scaled.d) : scaled;
  const kept =
    mode === 'half-up'
      ? floor(rational(magnitude.n * 2n + magnitude.d, magnitude.d * 2n))
      : floor(magnitude);
  return rational(negative ? -kept : kept, scale);
}

/** The rounded value as the nearest double (exact for the printed decimal). */
export function roundToNumber(value: Rational, rule: RoundingRule): number {
  const rounded = roundExact(value, rule.mode, rule.digits);
  // n / 10^digits in doubles is the correctly rounded parse of the printed decimal.
  return Number(rounded.n) / Number(rounded.d);
}

/** Rounds a plain number under a rule (numbers are read exactly as written). */
export function roundNumber(value: number, rule: RoundingRule): number {
  return roundToNumber(fromNumber(value), rule);
}

/** Fixed-point text, e.g. 98.87 with 2 digits → "98.87", 100 → "100.00". */
export function formatFixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
