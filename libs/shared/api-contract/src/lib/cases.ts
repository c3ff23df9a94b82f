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
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
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
