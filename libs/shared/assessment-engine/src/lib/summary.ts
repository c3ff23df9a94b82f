import {
  exact,
  formatFixed,
  statusSymbol,
  type Basis,
  type Discrepancy,
  type IndicatorDefinition,
  type IndicatorValue,
  type Provenance,
  type ValueStatus,
} from '@efficacy/indicator-model';

/**
 * A value as the API, the command line and the console show it: plain JSON (no bigint),
 * derived and reported side by side.
 */
export interface ValueSummary {
  readonly status: ValueStatus;
  /** Rounded effective value. */
  readonly value?: number;
  /** As a bulletin prints it: "98.87", "/", "-", or "" for missing. */
  readonly display: string;
  readonly source: 'derived' | 'reported' | 'none';
  readonly derived?: {
    readonly status: ValueStatus;
    readonly value?: number;
    readonly numerator?: number;
    readonly denominator?: number;
    readonly basis?: Basis;
    /** Units left out because a figure was "/", "-" or missing. */
    readonly excludedUnits: number;
  };
  readonly reported?: {
    readonly status: ValueStatus;
    readonly value?: number;
    readonly printed?: string;
    readonly cell?: Provenance;
  };
  /** For reported-only indicators: the naive ratio of printed counts, for comparison only. */
  readonly reference?: {
    readonly value?: number;
    readonly numerator?: number;
    readonly denominator?: number;
  };
  readonly discrepancy?: Discrepancy;
}

export function displayValue(
  definition: IndicatorDefinition,
  status: ValueStatus,
  value: number | undefined,
): string {
  if (status !== 'number' || value === undefined)
    return statusSymbol(status === 'number' ? 'missing' : status);
  return formatFixed(value, definition.rounding.digits);
}

export function summariseValue(value: IndicatorValue): ValueSummary {
  const { derived, reported, reference } = value;
  return {
    status: value.status,
    ...(value.value !== undefined ? { value: value.value } : {}),
    display: displayValue(value.indicator, value.status, value.value),
    source: value.source,
    ...(derived
      ? {
          derived: {
            status: derived.status,
            ...(derived.value !== undefined ? { value: derived.value } : {}),
            ...(derived.numerator !== undefined ? { numerator: derived.numerator } : {}),
            ...(derived.denominator !== undefined ? { denominator: derived.denominator } : {}),
            ...(derived.bundle.basis ? { basis: derived.bundle.basis } : {}),
            excludedUnits: derived.bundle.excluded.length,
          },
        }
      : {}),
    ...(reported
      ? {
          reported: {
            status: reported.value.status,
            ...(reported.value.status === 'number' ? { value: reported.value.value } : {}),
            ...(reported.provenance?.printed !== undefined
              ? { printed: reported.provenance.printed }
              : {}),
            ...(reported.provenance ? { cell: reported.provenance } : {}),
          },
        }
      : {}),
    ...(reference && reference.status === 'number'
      ? {
          reference: {
            value: reference.value,
            numerator: reference.numerator,
            denominator: reference.denominator,
          },
        }
      : {}),
    ...(value.discrepancy ? { discrepancy: value.discrepancy } : {}),
  };
}

/** The exact value as a fraction and a long decimal, for "explain this number". */
export function exactText(
  value: IndicatorValue,
): { fraction: string; decimal: string } | undefined {
  const r = value.derived?.exact ?? value.reference?.exact;
  if (!r) return undefined;
  const scaled = exact.floor(
    exact.mul(exact.rational(r.n < 0n ? -r.n : r.n, r.d), exact.rational(10n ** 10n)),
  );
  const digits = scaled.toString().padStart(11, '0');
  const decimal = `${r.n < 0n ? '-' : ''}${digits.slice(0, -10)}.${digits.slice(-10)}`;
  return { fraction: `${r.n}/${r.d}`, decimal };
}
