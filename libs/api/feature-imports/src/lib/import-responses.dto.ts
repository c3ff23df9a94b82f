// Response shapes of the endpoints; each implements its api-contract type so the compiler holds
// them equal, and @nestjs/swagger's plugin reads them into the OpenAPI document (ADR 0017).
import { ApiProperty } from '@nestjs/swagger';
import {
  type ImportPreview,
  type NameResolution,
  type NameMatch,
  type ImportWarning,
  type ImportCell,
  type PreviewValue,
  type PreviewDiscrepancy,
  type ImportCommitResult,
  type ImportSummary,
  type ImportStatus,
  type ImportDetail,
  type ImportRollbackResult,
  type AdapterListItem,
  type AdapterManifestView,
  type LocalizedName,
  type ReportKindManifest,
  type ReportKindCoverage,
  type AdapterRecentImport,
} from '@efficacy/api-contract';

export class ImportPreviewAdapterDto {
  adapter!: string;

  version!: string;

  /** 0..1 when detected; null when the user chose the adapter. */
  confidence!: number | null;

  reason!: string;
}

export class ImportPreviewFileDto {
  name!: string;

  sha256!: string;

  size!: number;
}

export class ImportPreviewRegionDto {
  code!: string;

  nameZh!: string | null;
}

export class ImportPreviewCountsDto {
  measures!: number;

  indicators!: number;

  totals!: number;

  targets!: number;

  planItems!: number;
}

export class NameResolutionCandidateDto {
  unitId!: string;

  nameZh!: string;

  score!: number;
}

export class NameResolutionDto implements NameResolution {
  /** The name as printed. */
  name!: string;

  /** Parent names for nested tables (town → village). */
  path!: string[];

  match!: NameMatch;

  unitId?: string;

  regionCode?: string;

  candidates?: NameResolutionCandidateDto[];

  /** Number of figures that carry this name. */
  figures!: number;
}

export class ImportCellDto implements ImportCell {
  file?: string;

  sheet?: string;

  row?: number;

  column?: string;

  header?: string;

  printed?: string;
}

export class ImportWarningDto implements ImportWarning {
  source!: 'mapping' | 'adapter' | 'validation';

  code!: string;

  severity!: 'warning' | 'error' | 'info';

  message!: string;

  messageEn?: string;

  subject?: string;

  period?: string;

  @ApiProperty({ type: () => ImportCellDto, nullable: true })
  cell!: ImportCellDto | null;
}

export class PreviewDiscrepancyDto implements PreviewDiscrepancy {
  kind!: string;

  derived?: number;

  reported?: number;

  difference?: number;
}

/** One figure the file prints, beside the value the model derives from its counts. */
export class PreviewValueDto implements PreviewValue {
  subject!: string;

  subjectName!: string;

  period!: string;

  indicator!: string;

  indicatorNameZh!: string;

  derived!: number | null;

  /** A number, or the state printed instead: "not_connected" ("/"), "not_applicable" ("-"), "missing". */
  @ApiProperty({
    oneOf: [
      { type: 'number' },
      { type: 'string', enum: ['not_applicable', 'not_connected', 'missing'] },
    ],
  })
  reported!: number | 'not_applicable' | 'not_connected' | 'missing';

  status!: string;

  @ApiProperty({ type: () => PreviewDiscrepancyDto, nullable: true })
  discrepancy!: PreviewDiscrepancyDto | null;
}

export class ImportPreviewExistingDto {
  sameFile!: string | null;

  replaces!: string | null;
}

/** POST /api/imports/preview: what the file would write. Writes nothing. */
export class ImportPreviewDto implements ImportPreview {
  adapter!: ImportPreviewAdapterDto;

  reportKind!: string;

  file!: ImportPreviewFileDto;

  period!: string;

  region!: ImportPreviewRegionDto;

  counts!: ImportPreviewCountsDto;

  names!: NameResolutionDto[];

  unresolved!: NameResolutionDto[];

  warnings!: ImportWarningDto[];

  values!: PreviewValueDto[];

  /** Whether this very file is already imported, or which import it would replace. */
  existing!: ImportPreviewExistingDto;
}

export class ImportSummaryDto implements ImportSummary {
  id!: string;

  fileName!: string;

  sha256!: string;

  size!: number;

  adapter!: string;

  adapterVersion!: string;

  reportKind!: string;

  period!: string;

  regionCode!: string;

  status!: ImportStatus;

  supersedes!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  counts!: ImportSummary['counts'];

  createdBy!: string;

  createdAt!: string;

  endedBy!: string | null;

  endedAt!: string | null;
}

/** POST /api/imports */
export class ImportCommitResultDto implements ImportCommitResult {
  outcome!: 'unchanged' | 'replaced' | 'created';

  import!: ImportSummaryDto;
}

/** GET /api/imports/:id adds the warnings. */
export class ImportDetailDto extends ImportSummaryDto implements ImportDetail {
  warnings!: ImportWarningDto[];
}

/** POST /api/imports/:id/rollback */
export class ImportRollbackResultDto implements ImportRollbackResult {
  rolledBack!: string;

  /** The import a rolled-back correction had replaced, now in force again. */
  restored!: string | null;
}

export class LocalizedNameDto implements LocalizedName {
  zh!: string;

  en!: string;
}

export class AdapterManifestViewProvinceDto {
  code!: string;

  name!: LocalizedNameDto;
}

export class ReportKindCoverageDto implements ReportKindCoverage {
  edition!: string;

  from?: string;

  to?: string;

  note?: string;
}

export class ReportKindManifestDto implements ReportKindManifest {
  id!: string;

  name!: LocalizedNameDto;

  coverage!: ReportKindCoverageDto[];

  fileTypes!: string[];
}

export class AdapterManifestViewDto implements AdapterManifestView {
  id!: string;

  province!: AdapterManifestViewProvinceDto;

  version!: string;

  fileTypes!: string[];

  reportKinds!: ReportKindManifestDto[];
}

export class AdapterRecentImportDto implements AdapterRecentImport {
  id!: string;

  fileName!: string;

  status!: ImportStatus;

  period!: string;

  regionCode!: string;

  createdAt!: string;

  warnings!: number;
}

/** GET /api/adapters */
export class AdapterListItemDto implements AdapterListItem {
  manifest!: AdapterManifestViewDto;

  recentImports!: AdapterRecentImportDto[];
}
