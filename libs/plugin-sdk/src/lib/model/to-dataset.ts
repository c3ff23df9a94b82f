import {
  MISSING,
  NOT_APPLICABLE,
  NOT_CONNECTED,
  cleanUnitName,
  groupSubject,
  isMeasureCode,
  numberCell,
  regionNameForms,
  regionSubject,
  unitSubject,
  type CellValue,
  type Dataset,
  type Hierarchy,
  type MeasureObservation,
  type ObservationRole,
  type Provenance as ModelProvenance,
  type ReportedIndicatorValue,
  type Subject,
  type UnitGroup,
  type UnitMatcher,
} from '@efficacy/indicator-model';
import type { NormalisedBatch, Provenance, TotalRecord, ValueState } from '../contract/batch';

/** How one printed unit name was resolved to a subject of the model. */
export interface NameResolution {
  /** The name as printed, with its parent path for nested tables (town → village). */
  readonly name: string;
  readonly path: readonly string[];
  readonly match: 'exact' | 'alias' | 'normalised' | 'confirmed' | 'region' | 'suggested' | 'none';
  readonly unitId?: string;
  readonly regionCode?: string;
  readonly candidates?: ReadonlyArray<{ unitId: string; nameZh: string; score: number }>;
  /** Number of figures that carry this name. */
  readonly figures: number;
}

export interface MappingWarning {
  readonly code: 'UNKNOWN_MEASURE' | 'UNRESOLVED_UNIT' | 'UNRESOLVED_BENCHMARK';
  readonly message: string;
  readonly provenance?: Provenance;
}

export interface BatchMapping {
  readonly dataset: Dataset;
  /** Every distinct printed name and how it resolved. */
  readonly names: readonly NameResolution[];
  /** Names that need a person: suggested or unknown, not confirmed. */
  readonly unresolved: readonly NameResolution[];
  readonly warnings: readonly MappingWarning[];
}

export interface MapBatchOptions {
  readonly importId: string;
  readonly hierarchy: Hierarchy;
  readonly matcher: UnitMatcher;
  /** Names a person confirmed in the preview: printed name → unit id. */
  readonly confirmed?: Readonly<Record<string, string>>;
}

/**
 * Lands an adapter's batch in the shared model: printed names become units or regions,
 * 合计/小计/benchmark rows keep their role so they are checked, not summed, and every
 * figure keeps its cell. Pure: the caller supplies the hierarchy and the matcher.
 */
export function mapBatch(batch: NormalisedBatch, options: MapBatchOptions): BatchMapping {
  const { hierarchy, matcher, importId } = options;
  const confirmed = options.confirmed ?? {};
  const names = new Map<string, NameResolution & { figures: number }>();
  const warnings: MappingWarning[] = [];
  const groups = new Map<string, UnitGroup>();

  const regionByName = (name: string, within: string): string | undefined => {
    const cleaned = cleanUnitName(name);
    const pool = [within, ...hierarchy.ancestorsOf(within)]
      .map((code) => hierarchy.region(code))
      .concat(descendants(hierarchy, within));
    return pool.find((r) => r && regionNameForms(r).includes(cleaned))?.code;
  };

  const resolve = (name: string, path: readonly string[]): NameResolution => {
    const key = [...path, name].join(' / ');
    const known = names.get(key);
    if (known) {
      known.figures++;
      return known;
    }
    let resolution: NameResolution & { figures: number };
    const parentRegion =
      path.length > 0 ? regionByName(path[path.length - 1], batch.regionCode) : undefined;
    const within = parentRegion ?? batch.regionCode;
    // Match within the file's region first: narrowing to a township strips the township's
    // name from every unit below it and leaves village centres indistinguishable.
    const wide = matcher.match(name, { regionCode: batch.regionCode });
    const resolved = (x: typeof wide) =>
      x.kind === 'exact' || x.kind === 'alias' || x.kind === 'normalised';
    const m =
      resolved(wide) || within === batch.regionCode
        ? wide
        : matcher.match(name, { regionCode: within });
    const asRegion = regionByName(name, within);
    if (confirmed[name] !== undefined) {
      resolution = { name, path, match: 'confirmed', unitId: confirmed[name], figures: 1 };
    } else if (m.kind === 'exact' || m.kind === 'alias' || m.kind === 'normalised') {
      resolution = { name, path, match: m.kind, unitId: m.unit.id, figures: 1 };
    } else if (asRegion !== undefined) {
      // A row named after a township or the county itself reports that region's figures.
      resolution = { name, path, match: 'region', regionCode: asRegion, figures: 1 };
    } else {
      resolution = {
        name,
        path,
        match: m.kind,
        candidates:
          m.kind === 'suggested'
            ? m.candidates.map((c) => ({
                unitId: c.unit.id,
                nameZh: c.unit.nameZh,
                score: round2(c.score),
              }))
            : [],
        figures: 1,
      };
    }
    names.set(key, resolution);
    return resolution;
  };

  const subjectOf = (r: NameResolution): Subject | null =>
    r.unitId !== undefined
      ? unitSubject(r.unitId)
      : r.regionCode !== undefined
        ? regionSubject(r.regionCode)
        : null;

  const provenance = (p: Provenance, printed: string, rowLabel: string): ModelProvenance => ({
    importId,
    adapterId: batch.adapter.id,
    adapterVersion: batch.adapter.version,
    file: p.file,
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    printed,
    rowLabel,
  });

  const observations: MeasureObservation[] = [];
  const reported: ReportedIndicatorValue[] = [];

  for (const record of batch.measures) {
    if (!isMeasureCode(record.measure)) {
      warnings.push({
        code: 'UNKNOWN_MEASURE',
        message: `measure code "${record.measure}" is not in the catalogue; the figure was left out`,
        provenance: record.provenance,
      });
      continue;
    }
    const resolution = resolve(record.unitName, record.unitPath.slice(0, -1));
    const subject = subjectOf(resolution);
    if (!subject) continue;
    observations.push({
      subject,
      period: record.period ?? batch.period,
      measure: record.measure,
      value: toCell(record.value),
      role: subject.kind === 'unit' ? 'row' : 'total',
      ...(record.dimensions ? { dimensions: record.dimensions } : {}),
      provenance: provenance(record.provenance, record.value.raw, record.unitName),
    });
  }

  for (const record of batch.indicators) {
    const resolution = resolve(record.unitName, record.unitPath.slice(0, -1));
    const subject = subjectOf(resolution);
    if (!subject) continue;
    reported.push({
      subject,
      period: record.period ?? batch.period,
      indicator: record.indicator,
      value: toCell(record.value),
      ...(record.value.status === 'number' ? { digits: record.value.decimals } : {}),
      role: subject.kind === 'unit' ? 'row' : 'total',
      provenance: provenance(record.provenance, record.value.raw, record.unitName),
    });
  }

  for (const total of batch.totals) {
    const target = totalSubject(total);
    if (!target) continue;
    for (const v of total.values) {
      const common = {
        subject: target.subject,
        period: v.period ?? batch.period,
        value: toCell(v.value),
        role: target.role,
        provenance: provenance(v.provenance, v.value.raw, total.label),
      };
      if (v.codeKind === 'measure') {
        if (isMeasureCode(v.code)) observations.push({ ...common, measure: v.code });
      } else {
        reported.push({
          ...common,
          indicator: v.code,
          ...(v.value.status === 'number' ? { digits: v.value.decimals } : {}),
        });
      }
    }
  }

  function totalSubject(total: TotalRecord): { subject: Subject; role: ObservationRole } | null {
    if (total.kind === 'total') return { subject: regionSubject(batch.regionCode), role: 'total' };
    if (total.kind === 'benchmark') {
      const code = regionByName(total.label, batch.regionCode);
      if (!code) {
        warnings.push({
          code: 'UNRESOLVED_BENCHMARK',
          message: `benchmark row "${total.label}" names no known region; its figures were left out`,
        });
        return null;
      }
      return { subject: regionSubject(code), role: 'benchmark' };
    }
    // A 小计 closes a township (a region) or, otherwise, a group of the table's rows.
    const town =
      total.unitPath.length > 0 ? regionByName(total.unitPath[0], batch.regionCode) : undefined;
    if (town) return { subject: regionSubject(town), role: 'subtotal' };
    const id = `${importId}:${total.table}:${total.row}`;
    const unitIds = batch.measures
      .filter((m) => m.table === total.table && total.covers.includes(m.provenance.row))
      .map((m) => resolve(m.unitName, m.unitPath.slice(0, -1)).unitId)
      .filter((u): u is string => u !== undefined);
    groups.set(id, { id, labelZh: total.section ?? total.label, unitIds: [...new Set(unitIds)] });
    return { subject: groupSubject(id), role: 'subtotal' };
  }

  const all = [...names.values()];
  const unresolved = all.filter((n) => n.match === 'suggested' || n.match === 'none');
  for (const n of unresolved) {
    warnings.push({
      code: 'UNRESOLVED_UNIT',
      message: `"${n.name}" matches no unit of ${batch.regionCode}${n.candidates?.length ? `; closest: ${n.candidates.map((c) => c.nameZh).join(', ')}` : ''}`,
    });
  }
  return {
    dataset: { importId, observations, reported, groups: [...groups.values()] },
    names: all,
    unresolved,
    warnings,
  };
}

function toCell(value: ValueState): CellValue {
  switch (value.status) {
    case 'number':
      return numberCell(value.value);
    case 'not_connected':
      return NOT_CONNECTED;
    case 'not_applicable':
      return NOT_APPLICABLE;
    default:
      return MISSING;
  }
}

function descendants(hierarchy: Hierarchy, code: string): ReturnType<Hierarchy['region']>[] {
  const out: ReturnType<Hierarchy['region']>[] = [];
  const walk = (c: string) => {
    for (const child of hierarchy.childRegions(c)) {
      out.push(child);
      walk(child.code);
    }
  };
  walk(code);
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
