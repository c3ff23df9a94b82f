// Response shapes of the endpoints; each implements its api-contract type so the compiler holds
// them equal, and @nestjs/swagger's plugin reads them into the OpenAPI document (ADR 0017).
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  type BulletinTemplateVersion,
  type BulletinTemplates,
  type BulletinOffice,
  type BulletinOfficeSettings,
  type BulletinOfficeField,
  type BulletinDocument,
  type BulletinSection,
  type BulletinParagraph,
  type BulletinFigure,
  type BulletinAnnex,
  type AnnexColumn,
  type AnnexRow,
  type AnnexCell,
  type BulletinChartBar,
  type BulletinDetail,
  type BulletinSummary,
  type BulletinStatus,
  type BulletinFormat,
} from '@efficacy/api-contract';

export class BulletinTemplatesRequirementDto {
  title!: string;

  text!: string;
}

/** What an office prints on every bulletin of its region: 红头, 落款, 发文字号 and 版记. */
export class BulletinOfficeDto implements BulletinOffice {
  /** 红头 (发文机关标志), without 文件: 殷都区人民政府推进政府职能转变和“放管服”改革协调小组办公室 */
  issuer!: string;

  /** 落款: 金凤区审批服务管理局 */
  signature!: string;

  /** 发文字号 prefix: 金政务 → 金政务〔2027〕3号 */
  numberPrefix!: string;

  /** 版记 抄送 line (may be empty: nothing is copied) */
  copyTo!: string;

  /** 版记 印发机关: 金凤区审批服务管理局办公室 */
  printedBy!: string;
}

/** Editable narrative templates; `{region}`, `{period}`, `{indicator}` … are filled from data. */
export class BulletinTemplatesDto implements BulletinTemplates {
  intro!: string;

  closing!: string;

  /** Next-step requirements (下一步工作要求), one entry per numbered item. */
  requirements!: BulletinTemplatesRequirementDto[];

  issuer!: string;

  addressee!: string;

  /** Document number prefix, e.g. 金审管; the number becomes 金审管〔2022〕3号. */
  numberPrefix!: string;

  /** The office's own settings (PUT /bulletins/office/{region}); they win over issuer and prefix. */
  office?: BulletinOfficeDto;
}

export class BulletinTemplateVersionDto implements BulletinTemplateVersion {
  regionCode!: string;

  version!: number;

  templates!: BulletinTemplatesDto;

  isDefault!: boolean;

  updatedBy?: string;

  updatedAt?: string;
}

export class BulletinOfficeSettingsDto implements BulletinOfficeSettings {
  regionCode!: string;

  /** Undefined until an administrator saved them (the console then asks for them). */
  office?: BulletinOfficeDto;

  missing!: BulletinOfficeField[];

  updatedBy?: string;

  updatedAt?: string;
}

/** One paragraph of generated prose; `lead` is printed bold before the text (一是…). */
export class BulletinParagraphDto implements BulletinParagraph {
  text!: string;

  lead?: string;
}

export class BulletinSectionDto implements BulletinSection {
  /** 一、总体情况 / （一）政务服务事项覆盖率情况 … */
  heading!: string;

  level!: 1 | 2;

  paragraphs!: BulletinParagraphDto[];

  /** Indicator codes this section reports on (for charts and the console). */
  indicators?: string[];
}

export class BulletinFigureTargetDto {
  comparator!: string;

  value?: number;

  status!: string;
}

export class BulletinFigureChangeDto {
  period!: string;

  delta?: number;
}

/** A headline figure as the console shows it beside the prose. */
export class BulletinFigureDto implements BulletinFigure {
  indicator!: string;

  nameZh!: string;

  display!: string;

  value?: number;

  unit!: string;

  target?: BulletinFigureTargetDto;

  change?: BulletinFigureChangeDto;

  belowTarget!: string[];
}

export class AnnexColumnDto implements AnnexColumn {
  header!: string;

  /** Upper header cell for two-row headers (行政检查 over 个数 / 覆盖数 / 汇聚数). */
  group?: string;

  kind!: 'text' | 'count' | 'percent';
}

/** A printed cell: the number (when there is one) and the text exactly as the annex shows it. */
export class AnnexCellDto implements AnnexCell {
  text!: string;

  value?: number;
}

export class AnnexRowDto implements AnnexRow {
  /** 1, 2, … for units; empty for 合计 and benchmark rows. */
  seq!: string;

  name!: string;

  kind!: 'unit' | 'total' | 'benchmark';

  cells!: AnnexCellDto[];
}

export class BulletinAnnexDto implements BulletinAnnex {
  /** 1-based number in the bulletin's annex list. */
  number!: number;

  code!: string;

  title!: string;

  nameHeader!: string;

  columns!: AnnexColumnDto[];

  rows!: AnnexRowDto[];

  note?: string;
}

export class BulletinChartBarDto implements BulletinChartBar {
  name!: string;

  value!: number;
}

export class BulletinDocumentChartRankingDto {
  kind!: 'ranking';

  code!: string;

  title!: string;

  indicator!: string;

  unit!: string;

  bars!: BulletinChartBarDto[];

  target?: number;
}

export class BulletinDocumentChartTrendPointDto {
  month!: string;

  value!: number | null;
}

export class BulletinDocumentChartTrendDto {
  kind!: 'trend';

  code!: string;

  title!: string;

  indicator!: string;

  unit!: string;

  points!: BulletinDocumentChartTrendPointDto[];

  target?: number;
}

export class BulletinDocumentImprintDto {
  copyTo?: string;

  printedBy!: string;

  printDate!: string;
}

export class BulletinDocumentCorrectsDto {
  id!: string;

  documentNumber!: string;

  reason!: string;
}

export class BulletinDocumentDto implements BulletinDocument {
  regionCode!: string;

  regionNameZh!: string;

  period!: string;

  periodLabelZh!: string;

  /** 殷都区政务服务运行情况的通报 */
  title!: string;

  /** The issuing body (发文机关), printed as the red header and the signature. */
  issuer!: string;

  /** 金审管〔2022〕3号 */
  documentNumber!: string;

  /** ISO date of issue. */
  issueDate!: string;

  /** 主送机关 */
  addressee!: string;

  sections!: BulletinSectionDto[];

  figures!: BulletinFigureDto[];

  annexes!: BulletinAnnexDto[];

  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(BulletinDocumentChartRankingDto) },
        { $ref: getSchemaPath(BulletinDocumentChartTrendDto) },
      ],
    },
  })
  charts!: (BulletinDocumentChartRankingDto | BulletinDocumentChartTrendDto)[];

  /** 落款: the body that signs, printed above 成文日期 (defaults to the issuer). */
  signature?: string;

  /** 版记: 抄送 line, 印发机关 and 印发日期 (ISO), printed at the end of the document. */
  imprint?: BulletinDocumentImprintDto;

  /** Office settings still missing (a draft prints a marked placeholder; publication refuses). */
  missingSettings?: BulletinOfficeField[];

  /** Sections or annexes the province's bulletin prints that this one cannot, and why. */
  omissions?: string[];

  /** Set for an erratum: the document it corrects and why. */
  corrects?: BulletinDocumentCorrectsDto;
}

export class BulletinSummaryErrataDto {
  id!: string;

  documentNumber!: string;

  status!: BulletinStatus;
}

export class BulletinSummaryDto implements BulletinSummary {
  id!: string;

  regionCode!: string;

  regionNameZh!: string;

  period!: string;

  title!: string;

  documentNumber!: string;

  status!: BulletinStatus;

  createdBy!: string;

  createdAt!: string;

  publishedBy?: string;

  publishedAt?: string;

  /** For an erratum: the bulletin it corrects. */
  correctsId?: string;

  errata!: BulletinSummaryErrataDto[];

  formats!: BulletinFormat[];
}

export class BulletinDetailDto extends BulletinSummaryDto implements BulletinDetail {
  document!: BulletinDocumentDto;
}

/** The variants that oneOf points at: registered on a controller, as the document only reads models from there. */
export const BULLETIN_ONE_OF_MODELS = [
  BulletinDocumentChartRankingDto,
  BulletinDocumentChartTrendDto,
];
