import type { MeasureCode, Provenance, Subject } from '@efficacy/indicator-model';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about imported figures, tied to the cell that is wrong (or doubtful) so a clerk
 * can open the file at that row and column.
 */
export interface Warning {
  /** Stable: a measure rule's id, or one of WARNING_CODES. */
  readonly code: string;
  readonly severity: Severity;
  readonly subject: Subject;
  readonly period: string;
  readonly measure?: MeasureCode;
  readonly indicator?: string;
  /** The offending cell. */
  readonly cell?: Provenance;
  /** The cells it was compared with. */
  readonly related?: readonly Provenance[];
  /** What the other figures imply. */
  readonly expected?: number;
  /** What is printed. */
  readonly actual?: number;
  readonly messageZh: string;
  readonly messageEn: string;
  /** Plain-language leads on why, e.g. "equals the sum of 咨询". */
  readonly hintsZh?: readonly string[];
  readonly hintsEn?: readonly string[];
}

export const WARNING_CODES = {
  /** A 合计/小计 row differs from the sum of the rows it closes. */
  totalEqualsRows: 'total-equals-rows',
  /** A total quoted elsewhere (a bulletin's text) differs from the sum of the units' rows. */
  reportedTotalMatchesDerived: 'reported-total-matches-derived',
  /** A printed rate is not its counts' ratio under the indicator's rounding rule. */
  reportedRateMatchesCounts: 'reported-rate-matches-counts',
  /** A printed rate where the counts give none ("-"/"/"), or the reverse. */
  reportedRateStatusDiffers: 'reported-rate-status-differs',
  /** A platform-reported rate that differs from the naive ratio of the printed counts. */
  reportedRateNotDerivable: 'reported-rate-not-derivable',
  /** Department report, e-supervision and integrated window give very different case volumes. */
  caseVolumeSourcesAgree: 'case-volume-sources-agree',
  /** One unit, measure and period printed with different values in different cells. */
  conflictingValues: 'conflicting-values',
} as const;
