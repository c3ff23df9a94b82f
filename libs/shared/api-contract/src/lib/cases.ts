/** Shapes of /api/cases: case exports (办件明细) imported in the background. */

export type CaseImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface CaseImportSummary {
  readonly id: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly regionCode: string;
  readonly adapter: string;
  readonly status: CaseImportStatus;
  readonly bytesDone: number;
  readonly rowsDone: number;
  readonly rowsPerSecond: number | null;
  /** Seconds left at the current speed, from bytes read of the file's size; null when unknown. */
  readonly etaSeconds: number | null;
  /** 0–100 from bytes read. */
  readonly percent: number;
  /** (region, month) slots the file covered, with their case counts. */
  readonly slots: ReadonlyArray<{ regionCode: string; month: string; rows: number }>;
  readonly asOf: string | null;
  /**
   * Department names in the file that match no unit or alias of the registry in their county:
   * their cases count in the county total only, until the name is added as an alias.
   */
  readonly unmatchedUnits: readonly CaseUnmatchedUnit[];
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface CaseUnmatchedUnit {
  readonly regionCode: string;
  /** The department as the export prints it (办理部门). */
  readonly name: string;
  readonly cases: number;
}

export interface CaseUploadResult {
  /** queued: a job will import it; unchanged: the same file was imported (or is importing) already. */
  readonly outcome: 'queued' | 'unchanged';
  readonly import: CaseImportSummary;
}

export interface CaseIndicatorValueDto {
  readonly code: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
}

export interface CaseIndicatorsResponse {
  readonly region: string;
  readonly period: string;
  /** Months of the period that have case records. */
  readonly months: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly indicators: readonly CaseIndicatorValueDto[];
}
