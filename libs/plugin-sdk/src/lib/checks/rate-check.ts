import { exact, INDICATOR_CATALOGUE, periodEndDate, roundExact } from '@efficacy/indicator-model';
import type { IndicatorDefinition, Rational, RoundingMode } from '@efficacy/indicator-model';

import type { NumberValue, WarningRecord } from '../contract/batch';
import { formatLocation } from '../contract/errors';
import type { Location } from '../contract/errors';
import type { Table, TableRow } from '../table/table';

/**
 * A printed rate that the counts printed beside it do not give is worth a look before it is
 * ranked: 殷都区公安分局 prints 44.44% for 64 immediate of 143 items (64/144 gives the print, one
 * item having been excluded after the rate was computed); 金凤区丰登镇 prints 96.31 for 366/380 =
 * 96.3158…, truncated where every other rate of its table is rounded. The rate is kept as
 * printed and flagged; the indicator model's formula and rounding decide what it should be.
 */
export const RATE_MISMATCH = 'RATE_MISMATCH';

export interface RateCheck {
  /** Indicator code of the printed rate; checked only when its formula is a ratio. */
  readonly indicator: string;
  /** Σ weight × count of the formula's numerator and denominator. */
  readonly numerator: Rational;
  readonly denominator: Rational;
  /** The counts as the message shows them: "366 / 380", "(57 + 245) / (488 + 930)". */
  readonly operands: string;
  readonly printed: NumberValue;
  readonly location: Location;
  /** Period notation; the indicator's definition in force at its end is used. */
  readonly period: string;
  /** Whose rate it is (the row's unit or label), named in the message when given. */
  readonly subject?: string;
}

function definitionOf(code: string, period: string): IndicatorDefinition | undefined {
  return INDICATOR_CATALOGUE.find(code, periodEndDate(period));
}

/** The derived value with four more decimals than printed: 96.315789…. */
function longer(value: Rational, digits: number): string {
  const cut = roundExact(value, 'truncate', digits + 4);
  return `${exact.toNumber(cut)}${exact.compare(cut, value) === 0 ? '' : '…'}`;
}

/**
 * A RATE_MISMATCH warning when the counts do not give the printed rate at the decimals the
 * cell prints, with the model's rounding; undefined when they do, when the indicator is no
 * ratio, or when the denominator is zero. When the other rounding gives the print, it says so.
 */
export function checkRate(check: RateCheck): WarningRecord | undefined {
  const definition = definitionOf(check.indicator, check.period);
  if (!definition || definition.formula.kind !== 'ratio') return undefined;
  if (exact.isZero(check.denominator)) return undefined;
  const { factor, variant } = definition.formula;
  const ratio = exact.div(check.numerator, check.denominator);
  const value = exact.mul(
    variant === 'complement' ? exact.sub(exact.ONE, ratio) : ratio,
    exact.fromNumber(factor),
  );
  const digits = check.printed.decimals;
  const printed = exact.fromNumber(check.printed.value);
  const mode: RoundingMode = definition.rounding.mode;
  const derived = roundExact(value, mode, digits);
  if (exact.compare(derived, printed) === 0) return undefined;
  const other: RoundingMode = mode === 'half-up' ? 'truncate' : 'half-up';
  const otherHit = exact.compare(roundExact(value, other, digits), printed) === 0;
  const modeText = mode === 'half-up' ? 'rounded half-up' : 'truncated';
  const hint = otherHit
    ? `; ${other === 'truncate' ? 'truncating' : 'rounding half-up'} gives the printed figure`
    : '';
  const formula = variant === 'complement' ? `1 − ${check.operands}` : check.operands;
  const subject = check.subject ? `${check.subject} ` : '';
  return {
    code: RATE_MISMATCH,
    message: `${formatLocation(check.location)}: ${subject}${definition.nameZh} is printed ${check.printed.raw}, but ${formula} gives ${longer(value, digits)}, ${modeText} to ${exact.toNumber(derived)}${hint}; kept as printed`,
    provenance: check.location,
  };
}

interface Side {
  readonly total: Rational;
  readonly shown: string;
}

/** Σ weight × value of the terms, from the same row; undefined when one is not a number. */
function sideOf(
  row: TableRow,
  keysByMeasure: ReadonlyMap<string, string>,
  terms: readonly { readonly measure: string; readonly weight?: number }[],
): Side | undefined {
  let total = exact.ZERO;
  const shown: number[] = [];
  for (const term of terms) {
    const key = keysByMeasure.get(term.measure);
    const reading = key === undefined ? undefined : row.values[key]?.value;
    if (reading?.status !== 'number') return undefined;
    total = exact.add(
      total,
      exact.mul(exact.fromNumber(term.weight ?? 1), exact.fromNumber(reading.value)),
    );
    shown.push(reading.value);
  }
  return { total, shown: shown.length > 1 ? `(${shown.join(' + ')})` : `${shown[0] ?? ''}` };
}

/**
 * Checks every printed rate of a table whose formula is a ratio of measures read from the
 * same row (线下参评率 = 线下评价数 / 线下办件数, 即办件事项占比, 压缩比例 = 1 − 承诺 / 法定,
 * 子项覆盖率 over four columns), in unit, total and benchmark rows alike. Rows without all the
 * counts, or with "/" or "-", are not checked.
 */
export function checkTableRates(table: Table, period: string): WarningRecord[] {
  const keysByMeasure = new Map<string, string>();
  for (const [key, spec] of Object.entries(table.spec.columns)) {
    if (spec.measure !== undefined && table.columns[key]) keysByMeasure.set(spec.measure, key);
  }
  const warnings: WarningRecord[] = [];
  for (const row of table.rows) {
    for (const [key, reading] of Object.entries(row.values)) {
      const code = table.spec.columns[key]?.indicator;
      const column = table.columns[key];
      if (code === undefined || !column || reading.value.status !== 'number') continue;
      const definition = definitionOf(code, period);
      if (!definition || definition.formula.kind !== 'ratio') continue;
      const numerator = sideOf(row, keysByMeasure, definition.formula.numerator);
      const denominator = sideOf(row, keysByMeasure, definition.formula.denominator);
      if (!numerator || !denominator) continue;
      const subject = row.unitName || row.label;
      const warning = checkRate({
        indicator: code,
        numerator: numerator.total,
        denominator: denominator.total,
        operands: `${numerator.shown} / ${denominator.shown}`,
        printed: reading.value,
        location: { ...reading.provenance, header: column.label },
        period,
        ...(subject ? { subject } : {}),
      });
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}
