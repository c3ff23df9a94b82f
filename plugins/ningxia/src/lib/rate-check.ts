import { exact, INDICATOR_CATALOGUE, periodEndDate, roundExact } from '@efficacy/indicator-model';
import type { IndicatorDefinition, Rational, RoundingMode } from '@efficacy/indicator-model';
import { formatLocation } from '@efficacy/plugin-sdk';
import type { Location, NumberValue, Table, WarningRecord } from '@efficacy/plugin-sdk';

/**
 * Printed rates are checked against the counts printed beside them, with the indicator
 * model's formula and rounding, at the decimals the cell prints. A rate that the counts do
 * not give is worth a look before it is ranked (Jinfeng 丰登镇: 366/380 = 96.3158… is printed
 * 96.31, truncated where every other rate of the table is rounded).
 */
export const RATE_MISMATCH = 'RATE_MISMATCH';

export interface RateCheck {
  indicator: string;
  numerator: Rational;
  denominator: Rational;
  /** For the message: "366 / 380". */
  operands: string;
  printed: NumberValue;
  location: Location;
  period: string;
}

function definitionOf(code: string, period: string): IndicatorDefinition | undefined {
  return INDICATOR_CATALOGUE.find(code, periodEndDate(period));
}

function text(value: Rational, digits: number): string {
  const rounded = roundExact(value, 'truncate', digits + 4);
  return `${exact.toNumber(rounded)}`;
}

/** Returns a RATE_MISMATCH warning when the counts do not give the printed rate. */
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
  return {
    code: RATE_MISMATCH,
    message: `${formatLocation(check.location)}: ${definition.nameZh} is printed ${check.printed.raw}, but ${check.operands} gives ${text(value, digits)}…, ${modeText} to ${exact.toNumber(derived)}${hint}`,
    provenance: check.location,
  };
}

/**
 * Checks every printed rate of a table whose formula is a ratio of measures read from the
 * same row (线下参评率 = 线下评价数 / 线下办件数, 超期率 = 超期 / 办件量, 事项覆盖率 = 有办件事项数
 * / 事项数). Rows without all the counts, or with "/" or "-", are not checked.
 */
export function checkTableRates(table: Table, period: string): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  const keysByMeasure = new Map<string, string>();
  for (const [key, spec] of Object.entries(table.spec.columns)) {
    if (spec.measure && table.columns[key]) keysByMeasure.set(spec.measure, key);
  }
  for (const row of table.rows) {
    for (const [key, reading] of Object.entries(row.values)) {
      const code = table.spec.columns[key]?.indicator;
      const column = table.columns[key];
      if (!code || !column || reading.value.status !== 'number') continue;
      const definition = definitionOf(code, period);
      if (!definition || definition.formula.kind !== 'ratio') continue;
      const side = (terms: readonly { measure: string; weight?: number }[]) => {
        let total = exact.ZERO;
        const shown: number[] = [];
        for (const term of terms) {
          const termKey = keysByMeasure.get(term.measure);
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
      const warning = checkRate({
        indicator: code,
        numerator: numerator.total,
        denominator: denominator.total,
        operands: `${numerator.shown} / ${denominator.shown}`,
        printed: reading.value,
        location: {
          file: reading.provenance.file,
          sheet: reading.provenance.sheet,
          row: reading.provenance.row,
          column: reading.provenance.column,
          columnIndex: reading.provenance.columnIndex,
          header: column.label,
        },
        period,
      });
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}
