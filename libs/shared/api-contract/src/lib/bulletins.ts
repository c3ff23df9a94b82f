/**
 * Bulletins (通报): the composed document model shared by the API (which composes, renders and
 * freezes it), the command line and the console (which previews it).
 */

export type BulletinStatus = 'draft' | 'published';
export type BulletinFormat = 'docx' | 'xlsx' | 'pdf';

/** One paragraph of generated prose; `lead` is printed bold before the text (一是…). */
export interface BulletinParagraph {
  readonly text: string;
  readonly lead?: string;
}

export interface BulletinSection {
  /** 一、总体情况 / （一）政务服务事项覆盖率情况 … */
  readonly heading: string;
  readonly level: 1 | 2;
  readonly paragraphs: readonly BulletinParagraph[];
  /** Indicator codes this section reports on (for charts and the console). */
  readonly indicators?: readonly string[];
}

/** A printed cell: the number (when there is one) and the text exactly as the annex shows it. */
export interface AnnexCell {
  readonly text: string;
  readonly value?: number;
}

export interface AnnexColumn {
  readonly header: string;
  /** Upper header cell for two-row headers (行政检查 over 个数 / 覆盖数 / 汇聚数). */
  readonly group?: string;
  readonly kind: 'text' | 'count' | 'percent';
}

export interface AnnexRow {
  /** 1, 2, … for units; empty for 合计 and benchmark rows. */
  readonly seq: string;
  readonly name: string;
  readonly kind: 'unit' | 'total' | 'benchmark';
  readonly cells: readonly AnnexCell[];
}

export interface BulletinAnnex {
  /** 1-based number in the bulletin's annex list. */
  readonly number: number;
  readonly code: string;
  readonly title: string;
  readonly nameHeader: string;
  readonly columns: readonly AnnexColumn[];
  readonly rows: readonly AnnexRow[];
  readonly note?: string;
}

export interface BulletinChartBar {
  readonly name: string;
  readonly value: number;
}

export type BulletinChart =
  | {
      readonly kind: 'ranking';
      readonly code: string;
      readonly title: string;
      readonly indicator: string;
      readonly unit: string;
      readonly bars: readonly BulletinChartBar[];
      readonly target?: number;
    }
  | {
      readonly kind: 'trend';
      readonly code: string;
      readonly title: string;
      readonly indicator: string;
      readonly unit: string;
      readonly points: readonly { readonly month: string; readonly value: number | null }[];
      readonly target?: number;
    };

/** A headline figure as the console shows it beside the prose. */
export interface BulletinFigure {
  readonly indicator: string;
  readonly nameZh: string;
  readonly display: string;
  readonly value?: number;
  readonly unit: string;
  readonly target?: {
    readonly comparator: string;
    readonly value?: number;
    readonly status: string;
  };
  readonly change?: { readonly period: string; readonly delta?: number };
  readonly belowTarget: readonly string[];
}

export interface BulletinDocument {
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly period: string;
  readonly periodLabelZh: string;
  /** 殷都区政务服务运行情况的通报 */
  readonly title: string;
  /** The issuing body (发文机关), printed as the red header and the signature. */
  readonly issuer: string;
  /** 金审管〔2022〕3号 */
  readonly documentNumber: string;
  /** ISO date of issue. */
  readonly issueDate: string;
  /** 主送机关 */
  readonly addressee: string;
  readonly sections: readonly BulletinSection[];
  readonly figures: readonly BulletinFigure[];
  readonly annexes: readonly BulletinAnnex[];
  readonly charts: readonly BulletinChart[];
  /** 落款: the body that signs, printed above 成文日期 (defaults to the issuer). */
  readonly signature?: string;
  /** 版记: 抄送 line, 印发机关 and 印发日期 (ISO), printed at the end of the document. */
  readonly imprint?: {
    readonly copyTo?: string;
    readonly printedBy: string;
    readonly printDate: string;
  };
  /** Office settings still missing (a draft prints a marked placeholder; publication refuses). */
  readonly missingSettings?: readonly BulletinOfficeField[];
  /** Sections or annexes the province's bulletin prints that this one cannot, and why. */
  readonly omissions?: readonly string[];
  /** Set for an erratum: the document it corrects and why. */
  readonly corrects?: {
    readonly id: string;
    readonly documentNumber: string;
    readonly reason: string;
  };
}

/** Editable narrative templates; `{region}`, `{period}`, `{indicator}` … are filled from data. */
export interface BulletinTemplates {
  readonly intro: string;
  readonly closing: string;
  /** Next-step requirements (下一步工作要求), one entry per numbered item. */
  readonly requirements: readonly { readonly title: string; readonly text: string }[];
  readonly issuer: string;
  readonly addressee: string;
  /** Document number prefix, e.g. 金审管; the number becomes 金审管〔2022〕3号. */
  readonly numberPrefix: string;
  /** The office's own settings (PUT /bulletins/office/{region}); they win over issuer and prefix. */
  readonly office?: BulletinOffice;
}

/** What an office prints on every bulletin of its region: 红头, 落款, 发文字号 and 版记. */
export interface BulletinOffice {
  /** 红头 (发文机关标志), without 文件: 殷都区人民政府推进政府职能转变和“放管服”改革协调小组办公室 */
  readonly issuer: string;
  /** 落款: 金凤区审批服务管理局 */
  readonly signature: string;
  /** 发文字号 prefix: 金政务 → 金政务〔2027〕3号 */
  readonly numberPrefix: string;
  /** 版记 抄送 line (may be empty: nothing is copied) */
  readonly copyTo: string;
  /** 版记 印发机关: 金凤区审批服务管理局办公室 */
  readonly printedBy: string;
}

export type BulletinOfficeField = 'issuer' | 'signature' | 'numberPrefix' | 'printedBy';

export interface BulletinOfficeSettings {
  readonly regionCode: string;
  /** Undefined until an administrator saved them (the console then asks for them). */
  readonly office?: BulletinOffice;
  readonly missing: readonly BulletinOfficeField[];
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export interface BulletinTemplateVersion {
  readonly regionCode: string;
  readonly version: number;
  readonly templates: BulletinTemplates;
  readonly isDefault: boolean;
  readonly updatedBy?: string;
  readonly updatedAt?: string;
}

export interface BulletinSummary {
  readonly id: string;
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly period: string;
  readonly title: string;
  readonly documentNumber: string;
  readonly status: BulletinStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly publishedBy?: string;
  readonly publishedAt?: string;
  /** For an erratum: the bulletin it corrects. */
  readonly correctsId?: string;
  readonly errata: readonly {
    readonly id: string;
    readonly documentNumber: string;
    readonly status: BulletinStatus;
  }[];
  readonly formats: readonly BulletinFormat[];
}

export interface BulletinDetail extends BulletinSummary {
  readonly document: BulletinDocument;
}

export interface DraftBulletinRequest {
  readonly region: string;
  readonly period: string;
}

export interface ErratumRequest {
  readonly reason: string;
}
