import type { Signal, Warning } from '@efficacy/assessment-engine';

export interface SignalReport {
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly period: string;
  readonly asOf: string;
  /** Zero-case units and items, test-case-only items, case volumes that disagree (明进暗不进). */
  readonly signals: readonly Signal[];
  /**
   * Figures that disagree with each other, each on its cell: totals vs rows, printed rates vs
   * counts, platform rates that cannot be rebuilt, one cell printed twice differently.
   */
  readonly discrepancies: readonly Warning[];
}
