// Response shapes of the endpoints; each implements its api-contract type so the compiler holds
// them equal, and @nestjs/swagger's plugin reads them into the OpenAPI document (ADR 0017).
import { ApiProperty } from '@nestjs/swagger';
import {
  type CaseUploadResult,
  type CaseImportSummary,
  type CaseImportStatus,
  type CaseUnmatchedUnit,
  type CaseIndicatorsResponse,
  type CaseIndicatorValueDto,
} from '@efficacy/api-contract';

export class CaseImportSummarySlotDto {
  regionCode!: string;

  month!: string;

  rows!: number;
}

export class CaseUnmatchedUnitDto implements CaseUnmatchedUnit {
  regionCode!: string;

  /** The department as the export prints it (办理部门). */
  name!: string;

  cases!: number;
}

export class CaseImportSummaryDto implements CaseImportSummary {
  id!: string;

  fileName!: string;

  fileSize!: number;

  regionCode!: string;

  adapter!: string;

  status!: CaseImportStatus;

  bytesDone!: number;

  rowsDone!: number;

  rowsPerSecond!: number | null;

  /** Seconds left at the current speed, from bytes read of the file's size; null when unknown. */
  etaSeconds!: number | null;

  /** 0–100 from bytes read. */
  percent!: number;

  /** (region, month) slots the file covered, with their case counts. */
  slots!: CaseImportSummarySlotDto[];

  asOf!: string | null;

  /** Department names in the file that match no unit or alias of the registry in their county: their cases count in the county total only, until the name is added as an alias. */
  unmatchedUnits!: CaseUnmatchedUnitDto[];

  error!: string | null;

  createdBy!: string;

  createdAt!: string;

  startedAt!: string | null;

  finishedAt!: string | null;
}

export class CaseUploadResultDto implements CaseUploadResult {
  /** queued: a job will import it; unchanged: the same file was imported (or is importing) already. */
  outcome!: 'queued' | 'unchanged';

  import!: CaseImportSummaryDto;
}

export class CaseIndicatorValueView implements CaseIndicatorValueDto {
  code!: string;

  numerator!: number;

  denominator!: number;

  percent!: number | null;
}

export class CaseIndicatorsResponseDto implements CaseIndicatorsResponse {
  region!: string;

  period!: string;

  /** Months of the period that have case records. */
  months!: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  counts!: CaseIndicatorsResponse['counts'];

  indicators!: CaseIndicatorValueView[];
}
