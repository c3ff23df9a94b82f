/** Shapes of the import pipeline (/api/imports, /api/adapters). */

export type ImportStatus = 'committed' | 'superseded' | 'rolled_back';

/** How one printed unit name in an uploaded file resolved to the registry. */
export type NameMatch =
  | 'exact'
  | 'alias'
  | 'normalised'
  | 'confirmed'
  | 'region'
  | 'suggested'
  | 'none';

export interface NameResolution {
  /** The name as printed. */
  readonly name: string;
  /** Parent names for nested tables (town → village). */
  readonly path: readonly string[];
  readonly match: NameMatch;
  readonly unitId?: string;
  readonly regionCode?: string;
  readonly candidates?: ReadonlyArray<{ unitId: string; nameZh: string; score: number }>;
  /** Number of figures that carry this name. */
  readonly figures: number;
}

export interface ImportCell {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly header?: string;
  readonly printed?: string;
}

export interface ImportWarning {
  readonly source: 'adapter' | 'mapping' | 'validation';
  readonly code: string;
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly messageEn?: string;
  readonly subject?: string;
  readonly period?: string;
  readonly cell: ImportCell | null;
}

export interface PreviewDiscrepancy {
  readonly kind: string;
  readonly derived?: number;
  readonly reported?: number;
  readonly difference?: number;
}

/** One figure the file prints, beside the value the model derives from its counts. */
export interface PreviewValue {
  readonly subject: string;
  readonly subjectName: string;
  readonly period: string;
  readonly indicator: string;
  readonly indicatorNameZh: string;
  readonly derived: number | null;
  /** A number, or the state printed instead: "not_connected" ("/"), "not_applicable" ("-"), "missing". */
  readonly reported: number | string;
  readonly status: string;
  readonly discrepancy: PreviewDiscrepancy | null;
}

/** POST /api/imports/preview: what the file would write. Writes nothing. */
export interface ImportPreview {
  readonly adapter: {
    readonly adapter: string;
    readonly version: string;
    /** 0..1 when detected; null when the user chose the adapter. */
    readonly confidence: number | null;
    readonly reason: string;
  };
  readonly reportKind: string;
  readonly file: { readonly name: string; readonly sha256: string; readonly size: number };
  readonly period: string;
  readonly region: { readonly code: string; readonly nameZh: string | null };
  readonly counts: {
    readonly measures: number;
    readonly indicators: number;
    readonly totals: number;
    readonly targets: number;
    readonly planItems: number;
  };
  readonly names: readonly NameResolution[];
  readonly unresolved: readonly NameResolution[];
  readonly warnings: readonly ImportWarning[];
  readonly values: readonly PreviewValue[];
  /** Whether this very file is already imported, or which import it would replace. */
  readonly existing: { readonly sameFile: string | null; readonly replaces: string | null };
}

/** Multipart fields sent with the file to preview or import it. */
export interface ImportOptions {
  readonly adapter?: string;
  readonly reportKind?: string;
  readonly period?: string;
  readonly year?: number;
  readonly region?: string;
  /** Printed name → unit id, for names the preview could only suggest; saved as aliases. */
  readonly confirmed?: Readonly<Record<string, string>>;
}

export interface ImportSummary {
  readonly id: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
  readonly adapter: string;
  readonly adapterVersion: string;
  readonly reportKind: string;
  readonly period: string;
  readonly regionCode: string;
  readonly status: ImportStatus;
  readonly supersedes: string | null;
  readonly counts: Readonly<Record<string, number>>;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly endedBy: string | null;
  readonly endedAt: string | null;
}

/** GET /api/imports/:id adds the warnings. */
export interface ImportDetail extends ImportSummary {
  readonly warnings: readonly ImportWarning[];
}

/** POST /api/imports */
export interface ImportCommitResult {
  readonly outcome: 'created' | 'unchanged' | 'replaced';
  readonly import: ImportSummary;
}

/** POST /api/imports/:id/rollback */
export interface ImportRollbackResult {
  readonly rolledBack: string;
  /** The import a rolled-back correction had replaced, now in force again. */
  readonly restored: string | null;
}

export interface LocalizedName {
  readonly zh: string;
  readonly en: string;
}

export interface ReportKindCoverage {
  readonly edition: string;
  readonly from?: string;
  readonly to?: string;
  readonly note?: string;
}

export interface ReportKindManifest {
  readonly id: string;
  readonly name: LocalizedName;
  readonly coverage: readonly ReportKindCoverage[];
  readonly fileTypes: readonly string[];
}

export interface AdapterManifestView {
  readonly id: string;
  readonly province: { readonly code: string; readonly name: LocalizedName };
  readonly version: string;
  readonly fileTypes: readonly string[];
  readonly reportKinds: readonly ReportKindManifest[];
}

export interface AdapterRecentImport {
  readonly id: string;
  readonly fileName: string;
  readonly status: ImportStatus;
  readonly period: string;
  readonly regionCode: string;
  readonly createdAt: string;
  readonly warnings: number;
}

/** GET /api/adapters */
export interface AdapterListItem {
  readonly manifest: AdapterManifestView;
  readonly recentImports: readonly AdapterRecentImport[];
}
