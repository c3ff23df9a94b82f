import { exact, INDICATOR_CATALOGUE, periodEndDate, roundExact } from '@efficacy/indicator-model';
import type { Rational, RoundingMode } from '@efficacy/indicator-model';
import type { Location, NumberValue, Table, WarningRecord } from '@efficacy/plugin-sdk';

import { locationOf, warningAt } from './labels';

/**
 * A printed rate against the counts beside it, with the catalogue's formula and rounding at
 * the decimals the cell prints (Yongchang 3/3816 printed 0.08%; Weiyuan 4581/24793 printed
 * 18.48%). Returns RATE_MISMATCH when the counts do not give the printed figure.
 */
export function checkRatio(
  indicator: string,
  numerator: Rational,
  denominator: Rational,
  operands: string,
  printed: NumberValue,
  location: Location,
  period: string,
): WarningRecord | undefined {
  const definition = INDICATOR_CATALOGUE.find(indicator, periodEndDate(period));
  if (!definition || definition.formula.kind !== 'ratio' || exact.isZero(denominator)) {
    return undefined;
  }
  const ratio = exact.div(numerator, denominator);
  const value = exact.mul(
    definition.formula.variant === 'complement' ? exact.sub(exact.ONE, ratio) : ratio,
    exact.fromNumber(definition.formula.factor),
  );
  const mode: RoundingMode = definition.rounding.mode;
  const derived = roundExact(value, mode, printed.decimals);
  if (exact.compare(derived, exact.fromNumber(printed.value)) === 0) return undefined;
  const shown = exact.toNumber(roundExact(value, 'truncate', printed.decimals + 4));
  return warningAt(
    'RATE_MISMATCH',
    location,
    `${definition.nameZh} is printed ${printed.raw}, but ${operands} gives ${shown}…, ${mode === 'half-up' ? 'rounded half-up' : 'truncated'} to ${exact.toNumber(derived)}`,
  );
}

/**
 * Every printed rate of a unit table whose formula is a ratio of measures read from the same
 * row (投票率 = 投票数 / 办件量; 满意占比 = 满意 / (满意 + 基本满意 + 不满意)). Rows without all
 * the counts, or with an empty share, are not checked.
 */
export function checkRowRatios(table: Table, period: string): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  const keyOfMeasure = new Map<string, string>();
  for (const [key, spec] of Object.entries(table.spec.columns)) {
    if (spec.measure && table.columns[key]) keyOfMeasure.set(spec.measure, key);
  }
  for (const row of table.rows) {
    for (const [key, reading] of Object.entries(row.values)) {
      const code = table.spec.columns[key]?.indicator;
      if (!code || reading.value.status !== 'number') continue;
      const definition = INDICATOR_CATALOGUE.find(code, periodEndDate(period));
      if (!definition || definition.formula.kind !== 'ratio') continue;
      const side = (terms: readonly { measure: string; weight?: number }[]) => {
        let total = exact.ZERO;
        const shown: number[] = [];
        for (const term of terms) {
          const termKey = keyOfMeasure.get(term.measure);
          const value = termKey ? row.values[termKey]?.value : undefined;
          if (value?.status !== 'number') return undefined;
          total = exact.add(
            total,
            exact.mul(exact.fromNumber(term.weight ?? 1), exact.fromNumber(value.value)),
          );
          shown.push(value.value);
        }
        return { total, shown: shown.join(' + ') };
      };
      const numerator = side(definition.formula.numerator);
      const denominator = side(definition.formula.denominator);
      if (!numerator || !denominator) continue;
      const warning = checkRatio(
        code,
        numerator.total,
        denominator.total,
        `${numerator.shown} / ${denominator.shown}`,
        reading.value,
        locationOf(reading.provenance, table.columns[key]?.label),
        period,
      );
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}
