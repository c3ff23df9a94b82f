import {
  isMeasureCode,
  MISSING,
  NOT_APPLICABLE,
  NOT_CONNECTED,
  numberCell,
  REGION_LEVELS,
  UNIT_KINDS,
  regionSubject,
  groupSubject,
  unitSubject,
  type CellValue,
  type Dataset,
  type MeasureObservation,
  type ObservationRole,
  type Provenance,
  type Region,
  type RegionLevel,
  type RegionParentLink,
  type ReportedIndicatorValue,
  type RoundingMode,
  type Subject,
  type Target,
  type TargetComparator,
  type Unit,
  type UnitGroup,
  type UnitKind,
  type UnitRegionLink,
  type UnitSuccession,
} from '@efficacy/indicator-model';
import type {
  ImportRow,
  ObservationRow,
  RegionLinkRow,
  RegionRow,
  ReportedValueRow,
  TargetRow,
  UnitGroupRow,
  UnitRegionLinkRow,
  UnitRow,
  UnitSuccessionRow,
} from './rows';

/** Raised when a stored row cannot be read as the model's type: a schema drift, not user input. */
export class RowMappingError extends Error {
  override readonly name = 'RowMappingError';
}

const KINDS: readonly UnitKind[] = UNIT_KINDS.map((k) => k.kind);
const COMPARATORS: readonly TargetComparator[] = ['>=', '<=', '=', 'improve'];
const ROLES: readonly ObservationRole[] = ['row', 'total', 'subtotal', 'benchmark'];
const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'truncate'];

function oneOf<T extends string>(allowed: readonly T[], value: string, what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new RowMappingError(`${what} "${value}" is not one of ${allowed.join(', ')}`);
}

/** Spreads a property only when it has a value: the model's optional fields are absent, never null. */
function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function toRegion(row: RegionRow): Region {
  return {
    code: row.code,
    level: oneOf<RegionLevel>(REGION_LEVELS, row.level, `region ${row.code} level`),
    nameZh: row.name_zh,
    nameEn: row.name_en,
    ...optional('parentCode', row.parent_code),
    ...(row.generated_code ? { generatedCode: true } : {}),
    ...optional('validFrom', row.valid_from),
    ...optional('validTo', row.valid_to),
  };
}

export function toRegionLink(row: RegionLinkRow): RegionParentLink {
  return {
    childCode: row.child_code,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    ...optional('validTo', row.valid_to),
  };
}

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    kind: oneOf(KINDS, row.kind, `unit ${row.id} kind`),
    nameZh: row.name_zh,
    ...optional('nameEn', row.name_en),
    regionCode: row.region_code,
    aliases: row.aliases ?? [],
    ...optional('validFrom', row.valid_from),
    ...optional('validTo', row.valid_to),
  };
}

export function toUnitRegionLink(row: UnitRegionLinkRow): UnitRegionLink {
  return {
    unitId: row.unit_id,
    regionCode: row.region_code,
    validFrom: row.valid_from,
    ...optional('validTo', row.valid_to),
  };
}

export function toSuccession(row: UnitSuccessionRow): UnitSuccession {
  return {
    kind: oneOf(['merge', 'split', 'rename'] as const, row.kind, 'succession kind'),
    date: row.date,
    from: row.from_ids,
    to: row.to_ids,
    ...optional('note', row.note),
  };
}

/** numeric columns arrive as text; a value that is not a finite number is a broken row. */
function toNumber(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RowMappingError(`${what} "${text}" is not a number`);
  return value;
}

export function toTarget(row: TargetRow): Target {
  return {
    id: row.id,
    indicator: row.indicator,
    regionCode: row.region_code,
    year: row.year,
    comparator: oneOf(COMPARATORS, row.comparator, `target ${row.id} comparator`),
    ...(row.value !== null ? { value: toNumber(row.value, `target ${row.id} value`) } : {}),
    setBy: row.set_by,
    setAt: row.set_at.toISOString(),
    ...optional('deadline', row.deadline),
    ...(row.ongoing ? { ongoing: true } : {}),
    ...optional('responsibleZh', row.responsible_zh),
    ...optional('noteZh', row.note_zh),
    ...optional('source', row.source),
  };
}

export function toCell(status: string, value: string | null, what: string): CellValue {
  switch (status) {
    case 'number':
      // A "number" without a value cannot be ranked or summed: treat it as no figure.
      return value === null ? MISSING : numberCell(toNumber(value, what));
    case 'not_connected':
      return NOT_CONNECTED;
    case 'not_applicable':
      return NOT_APPLICABLE;
    case 'missing':
      return MISSING;
    default:
      throw new RowMappingError(`${what} has unknown status "${status}"`);
  }
}

export function toSubject(kind: string, id: string): Subject {
  switch (kind) {
    case 'unit':
      return unitSubject(id);
    case 'region':
      return regionSubject(id);
    case 'group':
      return groupSubject(id);
    default:
      throw new RowMappingError(`unknown subject kind "${kind}" for ${id}`);
  }
}

function text(json: Record<string, unknown>, key: string): string | undefined {
  const value = json[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function positiveInteger(json: Record<string, unknown>, key: string): number | undefined {
  const value = json[key];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The stored cell reference, completed from its import: whatever the pipeline left out of
 * the row's jsonb (import id, adapter, file) is known from the import the row belongs to, so
 * "explain this number" can always name the file a clerk uploaded.
 */
export function toProvenance(
  json: Record<string, unknown> | null,
  importRow: ImportRow | undefined,
  importId: string,
): Provenance {
  const stored = json ?? {};
  return {
    importId: text(stored, 'importId') ?? importId,
    adapterId: text(stored, 'adapterId') ?? importRow?.adapter_id ?? 'unknown',
    adapterVersion: text(stored, 'adapterVersion') ?? importRow?.adapter_version ?? 'unknown',
    file: text(stored, 'file') ?? importRow?.file_name ?? 'unknown',
    ...optional('sheet', text(stored, 'sheet')),
    ...optional('row', positiveInteger(stored, 'row')),
    ...optional('column', text(stored, 'column')),
    ...optional('locator', text(stored, 'locator')),
    ...optional('printed', typeof stored['printed'] === 'string' ? stored['printed'] : undefined),
    ...optional('rowLabel', text(stored, 'rowLabel')),
  };
}

/** Undefined for a measure this build's catalogue does not know (a newer pipeline's row). */
export function toObservation(
  row: ObservationRow,
  importRow: ImportRow | undefined,
): MeasureObservation | undefined {
  if (!isMeasureCode(row.measure)) return undefined;
  const where = `observation ${row.subject_kind}:${row.subject_id} ${row.measure} ${row.period}`;
  const dimensions = row.dimensions && Object.keys(row.dimensions).length > 0 ? row.dimensions : {};
  return {
    subject: toSubject(row.subject_kind, row.subject_id),
    period: row.period,
    measure: row.measure,
    value: toCell(row.status, row.value, where),
    role: oneOf(ROLES, row.role, `${where} role`),
    ...(Object.keys(dimensions).length > 0 ? { dimensions } : {}),
    provenance: toProvenance(row.provenance, importRow, row.import_id),
  };
}

export function toReported(
  row: ReportedValueRow,
  importRow: ImportRow | undefined,
): ReportedIndicatorValue {
  const where = `reported ${row.subject_kind}:${row.subject_id} ${row.indicator} ${row.period}`;
  return {
    subject: toSubject(row.subject_kind, row.subject_id),
    period: row.period,
    indicator: row.indicator,
    value: toCell(row.status, row.value, where),
    ...optional('digits', row.digits),
    ...(row.rounding !== null
      ? { rounding: oneOf(ROUNDING_MODES, row.rounding, `${where} rounding`) }
      : {}),
    role: oneOf(ROLES, row.role, `${where} role`),
    provenance: toProvenance(row.provenance, importRow, row.import_id),
  };
}

export function toUnitGroup(row: UnitGroupRow): UnitGroup {
  return { id: row.id, labelZh: row.label_zh, unitIds: row.unit_ids };
}

export interface FigureRows {
  /** In the order the engine should see them: oldest import first. */
  readonly imports: readonly ImportRow[];
  readonly observations: readonly ObservationRow[];
  readonly reported: readonly ReportedValueRow[];
  readonly groups: readonly UnitGroupRow[];
}

export interface MappedDatasets {
  readonly datasets: Dataset[];
  /** Measures in stored rows that this build's catalogue does not know; left out, not guessed. */
  readonly unknownMeasures: string[];
}

/** One Dataset per import, in import order, with every row's provenance completed from its import. */
export function toDatasets(rows: FigureRows): MappedDatasets {
  const importsById = new Map(rows.imports.map((i) => [i.id, i]));
  const byImport = new Map<
    string,
    { observations: MeasureObservation[]; reported: ReportedIndicatorValue[]; groups: UnitGroup[] }
  >();
  const bucket = (importId: string) => {
    let entry = byImport.get(importId);
    if (!entry) {
      entry = { observations: [], reported: [], groups: [] };
      byImport.set(importId, entry);
    }
    return entry;
  };
  const unknown = new Set<string>();
  for (const row of rows.observations) {
    const observation = toObservation(row, importsById.get(row.import_id));
    if (observation) bucket(row.import_id).observations.push(observation);
    else unknown.add(row.measure);
  }
  for (const row of rows.reported) {
    bucket(row.import_id).reported.push(toReported(row, importsById.get(row.import_id)));
  }
  for (const row of rows.groups) bucket(row.import_id).groups.push(toUnitGroup(row));

  const order = [
    ...rows.imports.map((i) => i.id),
    ...[...byImport.keys()].filter((id) => !importsById.has(id)).sort(),
  ];
  const datasets: Dataset[] = [];
  for (const importId of order) {
    const entry = byImport.get(importId);
    if (!entry) continue;
    datasets.push({
      importId,
      observations: entry.observations,
      reported: entry.reported,
      ...(entry.groups.length > 0 ? { groups: entry.groups } : {}),
    });
  }
  return { datasets, unknownMeasures: [...unknown].sort() };
}
