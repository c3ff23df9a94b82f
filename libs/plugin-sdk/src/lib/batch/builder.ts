import { createHash } from 'node:crypto';

import type { SourceFile } from '../contract/adapter';
import { BATCH_SCHEMA_VERSION } from '../contract/batch';
import type {
  HeaderMatchRecord,
  IndicatorRecord,
  MeasureRecord,
  NormalisedBatch,
  PlanItem,
  TargetRecord,
  TotalRecord,
  TotalValue,
  WarningRecord,
} from '../contract/batch';
import type { AdapterManifest } from '../contract/manifest';
import { yearToDate } from '../periods/period';
import { describeMatch } from '../table/header';
import type { HeaderMatch } from '../table/header';
import { gridOfBytes, unreadSheetWarnings } from '../table/sheet-reads';
import type { ColumnSpec, Table } from '../table/table';

/**
 * SHA-256 of the file bytes, hex. node:crypto is used rather than a hand-written hash: it is
 * pure computation (no I/O), fast, and the SDK already requires Node (exceljs, Buffer).
 * The API uses the same hash to recognise a re-import of identical bytes.
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BatchHeader {
  manifest: Pick<AdapterManifest, 'id' | 'version'>;
  reportKind: string;
  file: SourceFile;
  period: string;
  regionCode: string;
}

export interface AddTableOptions {
  /** Prepended to every unit path, e.g. the township a whole sheet belongs to. */
  unitPathPrefix?: readonly string[];
}

/**
 * Collects records in the order they are added and builds a batch. The order is part of
 * the golden output, so adapters add tables in a fixed order and never iterate a Set/Map
 * whose order depends on input they do not control.
 */
export class BatchBuilder {
  private readonly measures: MeasureRecord[] = [];
  private readonly indicators: IndicatorRecord[] = [];
  private readonly totals: TotalRecord[] = [];
  private readonly targets: TargetRecord[] = [];
  private readonly planItems: PlanItem[] = [];
  private readonly warnings: WarningRecord[] = [];
  private readonly headerMatches: HeaderMatchRecord[] = [];
  private readonly described = new Set<string>();

  constructor(private readonly header: BatchHeader) {}

  get period(): string {
    return this.header.period;
  }

  addMeasure(record: MeasureRecord): this {
    this.measures.push(record);
    return this;
  }

  addIndicator(record: IndicatorRecord): this {
    this.indicators.push(record);
    return this;
  }

  addTotal(record: TotalRecord): this {
    this.totals.push(record);
    return this;
  }

  addTarget(record: TargetRecord): this {
    this.targets.push(record);
    return this;
  }

  addPlanItem(item: PlanItem): this {
    this.planItems.push(item);
    return this;
  }

  warn(warning: WarningRecord): this {
    this.warnings.push(warning);
    return this;
  }

  /**
   * Records how the table's headers matched (the dry run's mapping report). addTable does
   * this itself; an adapter that turns a table into records on its own calls it.
   */
  describeTable(table: Table): this {
    const id = `${table.sheet.name}\u0001${table.spec.name}\u0001${table.header.top}`;
    if (this.described.has(id)) return this;
    this.described.add(id);
    const record = (
      key: string,
      role: HeaderMatchRecord['role'],
      match: HeaderMatch,
    ): HeaderMatchRecord => {
      const spec = role === 'column' ? table.spec.columns[key] : undefined;
      const code = spec?.measure ?? spec?.indicator;
      const unit = table.units?.[key];
      const target = code ?? (role === 'unit' ? 'unit name' : key);
      const unitText = unit
        ? `, in ${unit.unit.symbol}${unit.unit.scale !== 1 ? ` (× ${unit.unit.scale} → ${unit.unit.base})` : ''} from the ${unit.source === 'default' ? "mapping's default" : unit.source}`
        : '';
      return {
        table: table.spec.name,
        sheet: table.sheet.name,
        key,
        role,
        ...(code !== undefined
          ? { code, codeKind: spec?.measure ? ('measure' as const) : ('indicator' as const) }
          : {}),
        header: match.column.label,
        column: match.column.letter,
        columnIndex: match.column.index,
        row: table.header.bottom,
        match: match.how,
        wanted: match.wanted,
        ...(match.synonym !== undefined ? { synonym: match.synonym } : {}),
        ...(unit
          ? {
              unit: {
                symbol: unit.unit.symbol,
                base: unit.unit.base,
                scale: unit.unit.scale,
                source: unit.source,
              },
            }
          : {}),
        description: `${match.column.letter} ${match.column.label} → ${target} (${describeMatch(match)}${unitText})`,
      };
    };
    for (const match of table.unitMatches ?? []) this.headerMatches.push(record('', 'unit', match));
    for (const [key, match] of Object.entries(table.matches ?? {})) {
      const role = key in table.spec.columns ? 'column' : 'dimension';
      this.headerMatches.push(record(key, role, match));
    }
    return this;
  }

  /** Turns a read table into measure, indicator and total records, plus its warnings. */
  addTable(table: Table, options: AddTableOptions = {}): this {
    this.describeTable(table);
    const prefix = [...(options.unitPathPrefix ?? [])];
    const periodFor = (spec: ColumnSpec): string | undefined =>
      spec.period === 'year-to-date' ? yearToDate(this.header.period) : undefined;
    for (const row of table.rows) {
      const unitPath = [...prefix, ...row.unitPath];
      if (row.kind === 'data') {
        for (const [key, reading] of Object.entries(row.values)) {
          const spec = table.spec.columns[key] as ColumnSpec;
          const period = periodFor(spec);
          const base = {
            unitName: row.unitName,
            unitPath,
            ...(row.section !== undefined ? { section: row.section } : {}),
            ...(Object.keys(row.dimensions).length > 0
              ? { dimensions: { ...row.dimensions } }
              : {}),
            ...(period !== undefined ? { period } : {}),
            table: table.spec.name,
          };
          if (spec.measure) {
            this.measures.push({
              ...base,
              measure: spec.measure,
              value: reading.value,
              provenance: reading.provenance,
            });
          } else if (spec.indicator) {
            this.indicators.push({
              ...base,
              indicator: spec.indicator,
              value: reading.value,
              provenance: reading.provenance,
            });
          }
        }
        continue;
      }
      const values: TotalValue[] = [];
      for (const [key, reading] of Object.entries(row.values)) {
        const spec = table.spec.columns[key] as ColumnSpec;
        const code = spec.measure ?? spec.indicator;
        if (!code) continue;
        const period = periodFor(spec);
        values.push({
          code,
          codeKind: spec.measure ? 'measure' : 'indicator',
          ...(period !== undefined ? { period } : {}),
          value: reading.value,
          provenance: reading.provenance,
        });
      }
      const total: TotalRecord = {
        kind: row.kind,
        label: row.label ?? row.unitName,
        unitPath,
        ...(row.section !== undefined ? { section: row.section } : {}),
        table: table.spec.name,
        sheet: table.sheet.name,
        row: row.row,
        covers: [...(row.covers ?? [])],
        values,
      };
      this.totals.push(total);
    }
    this.warnings.push(...table.warnings);
    return this;
  }

  /** SHEET_NOT_READ for the sheets of this file that gave no table and no record. */
  private unreadSheets(): WarningRecord[] {
    const grid = gridOfBytes(this.header.file.bytes);
    if (!grid || grid.sheets.length < 2) return [];
    const sheetsWithRecords = new Set<string>([
      ...this.measures.map((m) => m.provenance.sheet),
      ...this.indicators.map((i) => i.provenance.sheet),
      ...this.totals.map((t) => t.sheet),
      ...this.targets.flatMap((t) => (t.provenance ? [t.provenance.sheet] : [])),
      ...this.planItems.flatMap((p) => (p.provenance ? [p.provenance.sheet] : [])),
      ...this.headerMatches.map((h) => h.sheet),
    ]);
    return unreadSheetWarnings({
      grid,
      fileName: this.header.file.name,
      reportKind: this.header.reportKind,
      sheetsWithRecords,
      warnings: this.warnings,
    });
  }

  build(): NormalisedBatch {
    const { manifest, reportKind, file, period, regionCode } = this.header;
    return {
      schemaVersion: BATCH_SCHEMA_VERSION,
      adapter: { id: manifest.id, version: manifest.version },
      reportKind,
      source: {
        fileName: file.name,
        sha256: sha256Hex(file.bytes),
        byteLength: file.bytes.byteLength,
      },
      period,
      regionCode,
      measures: [...this.measures],
      indicators: [...this.indicators],
      totals: [...this.totals],
      targets: [...this.targets],
      planItems: [...this.planItems],
      warnings: [...this.warnings, ...this.unreadSheets()],
      ...(this.headerMatches.length > 0 ? { headerMatches: [...this.headerMatches] } : {}),
    };
  }
}
