/**
 * Rows as node-postgres returns them from the registry, target and figure tables. Dates are
 * selected as `::text` (ISO `YYYY-MM-DD`) so nothing depends on the server's time zone;
 * `numeric` arrives as a string so that no figure is rounded on the way in.
 */
export interface RegionRow {
  code: string;
  level: string;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
  generated_code: boolean;
  valid_from: string | null;
  valid_to: string | null;
}

export interface RegionChildRow extends RegionRow {
  child_count: number;
  unit_count: number;
}

export interface RegionSearchRow extends RegionRow {
  path: Array<{ code: string; nameZh: string; nameEn: string }>;
}

export interface RegionSuccessionRow {
  id: string;
  kind: 'merge' | 'split' | 'rename';
  date: string;
  from_codes: string[];
  to_codes: string[];
  note: string | null;
  edition: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface RegionLinkRow {
  child_code: string;
  parent_code: string;
  valid_from: string;
  valid_to: string | null;
}

export interface UnitRow {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string | null;
  region_code: string;
  valid_from: string | null;
  valid_to: string | null;
  /** Aggregated in the query, oldest first; empty when the unit has none. */
  aliases: string[] | null;
}

export interface UnitAliasRow {
  unit_id: string;
  alias: string;
  created_by: string;
  created_at: Date;
}

export interface UnitRegionLinkRow {
  unit_id: string;
  region_code: string;
  valid_from: string;
  valid_to: string | null;
}

export interface UnitSuccessionRow {
  kind: string;
  date: string;
  from_ids: string[];
  to_ids: string[];
  note: string | null;
}

export interface TargetRow {
  id: string;
  indicator: string;
  region_code: string;
  year: number;
  comparator: string;
  value: string | null;
  deadline: string | null;
  ongoing: boolean;
  responsible_zh: string | null;
  note_zh: string | null;
  source: string | null;
  set_by: string;
  set_at: Date;
}

export interface ObservationRow {
  import_id: string;
  subject_kind: string;
  subject_id: string;
  period: string;
  measure: string;
  status: string;
  value: string | null;
  role: string;
  dimensions: Record<string, string> | null;
  provenance: Record<string, unknown> | null;
}

export interface ReportedValueRow {
  import_id: string;
  subject_kind: string;
  subject_id: string;
  period: string;
  indicator: string;
  status: string;
  value: string | null;
  digits: number | null;
  rounding: string | null;
  role: string;
  provenance: Record<string, unknown> | null;
}

export interface UnitGroupRow {
  import_id: string;
  id: string;
  label_zh: string;
  unit_ids: string[];
}

export interface ImportRow {
  id: string;
  file_name: string;
  adapter_id: string;
  adapter_version: string;
  created_at: Date;
}
