/**
 * Exact rational arithmetic on bigint.
 *
 * Rates are compared with printed figures to the last digit, and binary floating point
 * gets ties wrong (1 − 3/60 is 0.95 exactly, but 1 - 3 / 60 in doubles is 0.9500000000000001),
 * so every ratio is computed exactly and rounded once, at the end.
 */
export interface Rational {
  /** Numerator; carries the sign. */
  readonly n: bigint;
  /** Denominator; always positive. */
  readonly d: bigint;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('Rational with a zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

/**
 * The exact value of a decimal as written: 702.3 becomes 7023/10, not the nearest double.
 * Source figures are decimals as printed, so their shortest round-trip string is exact.
 */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) {
    return rational(BigInt(value));
  }
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new RangeError(`Cannot read ${text} as a decimal`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let n = BigInt(whole + fraction);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return rational(sign === '-' ? -n : n, d);
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('Division by zero');
  return rational(a.n * b.d, a.d * b.n);
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** Largest integer not greater than the value. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer not less than the value. */
export function ceil(a: Rational): bigint {
  return -floor(rational(-a.n, a.d));
}

/** Nearest double; only for display and for callers that want a plain number. */
export function toNumber(a: Rational): number {
  // Splitting off the integer part keeps precision for large numerators.
  const whole = a.n / a.d;
  const rest = a.n - whole * a.d;
  return Number(whole) + Number(rest) / Number(a.d);
}
