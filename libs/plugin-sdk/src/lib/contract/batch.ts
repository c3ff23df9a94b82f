import type { Comparator } from '@efficacy/indicator-model';

import type { Location } from './errors';

/**
 * The normalised batch: what every adapter returns and the import pipeline persists.
 * Everything here is plain JSON (no Dates, no undefined, no NaN) so a batch can be
 * compared byte for byte against a golden file and sent over the wire unchanged.
 */

/** Bumped when the batch shape changes incompatibly; recorded with each import. */
export const BATCH_SCHEMA_VERSION = 1;

/** Where a value came from, down to the cell. */
export interface Provenance {
  file: string;
  sheet: string;
  /** 1-based row number. */
  row: number;
  /** A1-style column letter. */
  column: string;
  /** 1-based column index. */
  columnIndex: number;
}

export type ValueStatus = 'number' | 'not_connected' | 'not_applicable' | 'missing';

/**
 * The unit a printed number is in. Percentages are kept in percent points as printed
 * (98.87 for "98.87%"), never divided by 100, so they compare exactly with the bulletin.
 */
export type ValueUnit = 'count' | 'number' | 'percent';

export interface NumberValue {
  status: 'number';
  value: number;
  unit: ValueUnit;
  /** Decimals as printed ("100.00%" → 2, "100%" → 0); needed to compare at printed precision. */
  decimals: number;
  raw: string;
}

/** "/" — the unit's evaluation system is not connected (评价系统未联通). */
export interface NotConnectedValue {
  status: 'not_connected';
  raw: string;
}

/** "-", "—", "－" — no denominator, e.g. no cases this month. */
export interface NotApplicableValue {
  status: 'not_applicable';
  raw: string;
}

/** An empty cell. Never the same as 0. */
export interface MissingValue {
  status: 'missing';
  raw: string;
}

export type ValueState = NumberValue | NotConnectedValue | NotApplicableValue | MissingValue;

interface UnitRecordBase {
  /** The unit name exactly as printed (trimmed); matching to unit ids happens in the API. */
  unitName: string;
  /** Enclosing units from outer to inner, ending with unitName (township → village). */
  unitPath: string[];
  /** A section label printed as its own row above a group of units, e.g. 公共服务单位. */
  section?: string;
  /** Extra keys that distinguish records of the same unit, e.g. { licenceType: '排污许可证' }. */
  dimensions?: Record<string, string>;
  /** Overrides the batch period, e.g. year-to-date columns beside monthly ones. */
  period?: string;
  /** The table (spec name) this record came from; totals reconcile per table. */
  table: string;
  value: ValueState;
  provenance: Provenance;
}

/** A base count (numerator or denominator material) for a unit. */
export interface MeasureRecord extends UnitRecordBase {
  measure: string;
}

/** A rate or figure the platform printed; kept beside derived values to show differences. */
export interface IndicatorRecord extends UnitRecordBase {
  indicator: string;
}

export type TotalKind = 'total' | 'subtotal' | 'benchmark';

export interface TotalValue {
  /** A measure or indicator code. */
  code: string;
  codeKind: 'measure' | 'indicator';
  /** Set when the column covers another period than the batch (year-to-date columns). */
  period?: string;
  value: ValueState;
  provenance: Provenance;
}

/**
 * A 合计 / 小计 / benchmark row. Not a unit: kept so the pipeline can check that the printed
 * totals equal the sum of the rows they cover (and flag it when they do not).
 */
export interface TotalRecord {
  kind: TotalKind;
  /** The printed label, e.g. 合计, 小计, 安阳市. */
  label: string;
  /** The group a subtotal closes (e.g. [格里坪镇]); empty for a grand total. */
  unitPath: string[];
  section?: string;
  table: string;
  sheet: string;
  row: number;
  /** Source row numbers (same sheet) of the data rows this row sums; empty for benchmarks. */
  covers: number[];
  values: TotalValue[];
}

/** One comparison type for plans and targets, from the shared model. */
export type { Comparator };

export interface TargetRecord {
  indicator: string;
  comparator: Comparator;
  value: number;
  unit: ValueUnit;
  /** The target as printed, e.g. "不低于15.75万人". */
  raw: string;
  /** Region the target applies to (inherited downwards by the model). */
  regionCode?: string;
  period?: string;
  /** ISO date (YYYY-MM-DD). */
  deadline?: string;
  provenance?: Provenance;
}

/** One task of a plan (Gansu's capability plan): a target plus who must reach it by when. */
export interface PlanItem {
  /** Stable within the batch, e.g. the printed sequence "1" or "(三)". */
  id: string;
  title: string;
  indicator?: string;
  problem?: string;
  evaluationPoints?: string;
  /** Target text as printed, even when it could not be parsed into `targets`. */
  targetText: string;
  targets: TargetRecord[];
  measures?: string;
  responsibleUnits: string[];
  /** ISO date (YYYY-MM-DD). */
  deadline?: string;
  deadlineText?: string;
  /** "并长期坚持": the task stays open after the deadline. */
  ongoing?: boolean;
  provenance?: Provenance;
}

export interface WarningRecord {
  /** Stable code, e.g. FORMULA_NOT_CACHED, TOTAL_MISMATCH, UNKNOWN_COLUMN. */
  code: string;
  message: string;
  provenance?: Location;
}

/**
 * How one printed header was read, for the dry run: which column of which table became
 * which measure or indicator, how its header matched the mapping's words, and the unit its
 * numbers were read in.
 */
export interface HeaderMatchRecord {
  table: string;
  sheet: string;
  /** The mapping's key for the column ('cases', 'satisfaction'); '' for the unit column. */
  key: string;
  role: 'unit' | 'column' | 'dimension';
  /** The measure or indicator the column feeds; absent for text and unit columns. */
  code?: string;
  codeKind?: 'measure' | 'indicator';
  /** The header as printed, outer to inner rows joined: "子项数 / 行政检查 / 个数". */
  header: string;
  column: string;
  columnIndex: number;
  /** The header's last row. */
  row: number;
  /** exact, normalised (spaces, full-width forms, a unit suffix) or synonym. */
  match: 'exact' | 'normalised' | 'synonym';
  /** The mapping's words that matched. */
  wanted: string;
  /** For a synonym match, the catalogue's word the file prints. */
  synonym?: string;
  /** The unit the numbers were read in, where it was stated, and the factor to the base unit. */
  unit?: { symbol: string; base: string; scale: number; source: string };
  /** One line for people: "办件数 → cases (synonym '办件数' of '办件量')". */
  description: string;
}

export interface NormalisedBatch {
  schemaVersion: typeof BATCH_SCHEMA_VERSION;
  adapter: { id: string; version: string };
  reportKind: string;
  source: { fileName: string; sha256: string; byteLength: number };
  /** Period notation: 2022-08, 2022-Q3, 2022-H1, 2022, 2022-01..2022-08. */
  period: string;
  /** GB/T 2260 code of the region the report is about. */
  regionCode: string;
  measures: MeasureRecord[];
  indicators: IndicatorRecord[];
  totals: TotalRecord[];
  targets: TargetRecord[];
  planItems: PlanItem[];
  warnings: WarningRecord[];
  /** The mapping report: how each header of each table read was matched (dry run). */
  headerMatches?: HeaderMatchRecord[];
}
