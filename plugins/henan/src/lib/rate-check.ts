import { exact, INDICATOR_CATALOGUE, periodEndDate, roundExact } from '@efficacy/indicator-model';
import type { Rational, RoundingMode } from '@efficacy/indicator-model';
import { formatLocation } from '@efficacy/plugin-sdk';
import type { Location, Table, TableRow, WarningRecord } from '@efficacy/plugin-sdk';

/**
 * A printed rate that the counts printed beside it do not give is worth a look before it is
 * ranked: 殷都区公安分局 prints 44.44% for 64 immediate of 143 items (64/143 = 44.76%; 64/144
 * gives the print, one item having been excluded after the rate was computed, as the text
 * says). The rate is kept as printed and flagged; the model's formula and rounding decide.
 */
export const RATE_MISMATCH = 'RATE_MISMATCH';

interface Side {
  value: Rational;
  shown: string;
}

/** Σ weight × value over the terms, from the measures of the same row; undefined if one is absent. */
function sideOf(
  row: TableRow,
  keysByMeasure: ReadonlyMap<string, string>,
  terms: readonly { measure: string; weight?: number }[],
): Side | undefined {
  let value = exact.ZERO;
  const shown: number[] = [];
  for (const term of terms) {
    const key = keysByMeasure.get(term.measure);
    const reading = key === undefined ? undefined : row.values[key]?.value;
    if (reading?.status !== 'number') return undefined;
    value = exact.add(
      value,
      exact.mul(exact.fromNumber(term.weight ?? 1), exact.fromNumber(reading.value)),
    );
    shown.push(reading.value);
  }
  return { value, shown: shown.length > 1 ? `(${shown.join(' + ')})` : `${shown[0] ?? ''}` };
}

/**
 * Checks every printed rate of a table whose formula is a ratio of measures of the same row
 * (即办件事项占比, 压缩比例, 资源挂载率, 主项/子项覆盖率, 完成率, 请假人数比例), in unit, total and
 * benchmark rows alike, at the decimals the cell prints. Rows missing a count (a 小计 without
 * its ratio, a share printed without its count) are not checked.
 */
export function checkTableRates(table: Table, period: string): WarningRecord[] {
  const asOf = periodEndDate(period);
  const keysByMeasure = new Map<string, string>();
  for (const [key, spec] of Object.entries(table.spec.columns)) {
    if (spec.measure !== undefined && table.columns[key]) keysByMeasure.set(spec.measure, key);
  }
  const warnings: WarningRecord[] = [];
  for (const row of table.rows) {
    for (const [key, reading] of Object.entries(row.values)) {
      const code = table.spec.columns[key]?.indicator;
      const printed = reading.value;
      if (code === undefined || printed.status !== 'number') continue;
      const definition = INDICATOR_CATALOGUE.find(code, asOf);
      if (!definition || definition.formula.kind !== 'ratio') continue;
      const { numerator: top, denominator: bottom, factor, variant } = definition.formula;
      const numerator = sideOf(row, keysByMeasure, top);
      const denominator = sideOf(row, keysByMeasure, bottom);
      if (!numerator || !denominator || exact.isZero(denominator.value)) continue;
      const ratio = exact.div(numerator.value, denominator.value);
      const value = exact.mul(
        variant === 'complement' ? exact.sub(exact.ONE, ratio) : ratio,
        exact.fromNumber(factor),
      );
      const mode: RoundingMode = definition.rounding.mode;
      const derived = roundExact(value, mode, printed.decimals);
      if (exact.compare(derived, exact.fromNumber(printed.value)) === 0) continue;
      const location: Location = {
        ...reading.provenance,
        header: table.columns[key]?.label ?? key,
      };
      const formula =
        variant === 'complement'
          ? `1 − ${numerator.shown}/${denominator.shown}`
          : `${numerator.shown}/${denominator.shown}`;
      warnings.push({
        code: RATE_MISMATCH,
        message: `${formatLocation(location)}: ${row.unitName || row.label || ''} prints ${printed.raw}, but ${formula} gives ${exact.toNumber(derived)} (${mode === 'half-up' ? 'rounded half-up' : 'truncated'} to ${printed.decimals} decimals); kept as printed`,
        provenance: location,
      });
    }
  }
  return warnings;
}
