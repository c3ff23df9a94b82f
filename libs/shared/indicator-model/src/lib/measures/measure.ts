/**
 * Base measures: the named counts every indicator is computed from. Codes are stable,
 * English, dotted snake_case; the Chinese label is data (the column heading a clerk knows).
 */

/**
 * How a measure behaves over time, which decides how months combine into longer periods:
 * - flow: happens within the period (cases, evaluations); months add up;
 * - stock: a level at the end of the period (items claimed, staff stationed); the last
 *   month's level stands for the period;
 * - period: counted over exactly one period and not additive (items with at least one case:
 *   an item active in two months is one item, not two).
 */
export type MeasureTemporal = 'flow' | 'stock' | 'period';

export type MeasureUnit = 'count' | 'working-days' | 'days' | 'hours' | 'persons';

export interface MeasureDecomposition {
  /** Stable id; also the code of the validation warning when the parts do not add up. */
  readonly id: string;
  readonly parts: readonly string[];
}

export interface MeasureDefinition {
  readonly code: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly unit: MeasureUnit;
  readonly temporal: MeasureTemporal;
  /**
   * Ways the measure splits into other measures. When a source prints only the parts, the
   * whole is their sum; when it prints both, they must agree (a validation rule).
   */
  readonly decompositions?: readonly MeasureDecomposition[];
}
