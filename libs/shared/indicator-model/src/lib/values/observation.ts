import type { RoundingMode } from '../arith/rounding';
import type { MeasureCode } from '../measures/catalogue';
import type { CellValue } from './cell';

/** Who a figure is about: a unit, a region (a 合计 row, a text figure), or a table group (小计). */
export type Subject =
  | { readonly kind: 'unit'; readonly id: string }
  | { readonly kind: 'region'; readonly code: string }
  | { readonly kind: 'group'; readonly id: string };

export function unitSubject(id: string): Subject {
  return { kind: 'unit', id };
}

export function regionSubject(code: string): Subject {
  return { kind: 'region', code };
}

export function groupSubject(id: string): Subject {
  return { kind: 'group', id };
}

/** A string key for maps and for persistence: unit:640106:spj, region:640106, group:…. */
export function subjectKey(subject: Subject): string {
  return subject.kind === 'region' ? `region:${subject.code}` : `${subject.kind}:${subject.id}`;
}

export function sameSubject(a: Subject, b: Subject): boolean {
  return subjectKey(a) === subjectKey(b);
}

/**
 * Where a figure came from, down to the cell, so a number on screen can be traced back to
 * the file a clerk uploaded. Text figures (a bulletin's prose) have no row or column; the
 * locator names the paragraph instead.
 */
export interface Provenance {
  readonly importId: string;
  readonly adapterId: string;
  readonly adapterVersion: string;
  readonly file: string;
  readonly sheet?: string;
  /** 1-based row. */
  readonly row?: number;
  /** A1-style column letter. */
  readonly column?: string;
  /** For prose: the section or paragraph, e.g. 一、(二). */
  readonly locator?: string;
  /** The cell text exactly as printed, e.g. "98.87", "/" or "100.00%". */
  readonly printed?: string;
  /** The row's unit or region name exactly as printed (格里坪镇便民服务中心心心心 included). */
  readonly rowLabel?: string;
}

/**
 * The role of a row in its table. A 合计/小计 row repeats what its rows already say and is
 * checked against them; a benchmark row (安阳市 above 殷都区's departments) describes a wider
 * scope than the rows and is never summed or checked against them.
 */
export type ObservationRole = 'row' | 'total' | 'subtotal' | 'benchmark';

/** One base count for one subject and period. */
export interface MeasureObservation {
  readonly subject: Subject;
  /** Period notation; 2022-01..2022-08 for cumulative columns. */
  readonly period: string;
  readonly measure: MeasureCode;
  readonly value: CellValue;
  /** 'row' for units, 'total' for regions when absent. */
  readonly role?: ObservationRole;
  /** Distinguishes several records of one unit, e.g. { licenceType: '排污许可证' }; they add up. */
  readonly dimensions?: Readonly<Record<string, string>>;
  readonly provenance?: Provenance;
}

/** A figure a source printed for an indicator (a rate), kept beside the derived value. */
export interface ReportedIndicatorValue {
  readonly subject: Subject;
  readonly period: string;
  readonly indicator: string;
  /** In the indicator's display unit: percent points for rates (98.87, not 0.9887). */
  readonly value: CellValue;
  /** Decimal places the source prints in this column; the indicator's digits when absent. */
  readonly digits?: number;
  /** How this source rounds, when it differs from the indicator's rule. */
  readonly rounding?: RoundingMode;
  readonly role?: ObservationRole;
  readonly provenance?: Provenance;
}

/** Units a 小计 row closes when the group is not a region (Yindu's 公共服务单位). */
export interface UnitGroup {
  readonly id: string;
  readonly labelZh: string;
  readonly unitIds: readonly string[];
}

/** What one import contributes: the counts, the printed rates, and any table groups. */
export interface Dataset {
  readonly importId: string;
  readonly observations: readonly MeasureObservation[];
  readonly reported: readonly ReportedIndicatorValue[];
  readonly groups?: readonly UnitGroup[];
}

export function roleOf(record: {
  readonly subject: Subject;
  readonly role?: ObservationRole;
}): ObservationRole {
  return record.role ?? (record.subject.kind === 'unit' ? 'row' : 'total');
}
