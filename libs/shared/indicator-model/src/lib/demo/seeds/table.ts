import type { RoundingMode } from '../../arith/rounding';
import type { MeasureCode } from '../../measures/catalogue';
import { parseCellText } from '../../values/cell';
import type {
  MeasureObservation,
  ObservationRole,
  Provenance,
  ReportedIndicatorValue,
  Subject,
} from '../../values/observation';

/**
 * A compact transcription of a printed table. Cells are kept as printed ("/", "-",
 * "100.00%") and read by the same parser adapters use, so the fixtures exercise it too.
 */
export const SEED_ADAPTER = { id: 'seed-transcription', version: '1' } as const;

export interface ColumnSpec {
  /** A1-style letter of the column in the printed table. */
  readonly column: string;
  readonly measure?: MeasureCode;
  readonly indicator?: string;
  /** Overrides the table period (a 累计 column beside monthly ones). */
  readonly period?: string;
  /** Decimal places the column prints when a cell drops trailing zeros ("100" for 100.00). */
  readonly digits?: number;
  readonly rounding?: RoundingMode;
}

export interface RowSpec {
  readonly subject: Subject;
  /** The unit or region name exactly as printed. */
  readonly name: string;
  /** Cells in column order of the table spec. */
  readonly cells: readonly string[];
  readonly role?: ObservationRole;
  /** 1-based row in the printed table, header rows included. */
  readonly row: number;
  readonly dimensions?: Readonly<Record<string, string>>;
}

export interface TableSpec {
  readonly importId: string;
  readonly file: string;
  readonly sheet: string;
  readonly period: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
}

export interface TableRecords {
  readonly observations: MeasureObservation[];
  readonly reported: ReportedIndicatorValue[];
}

export function transcribeTable(table: TableSpec): TableRecords {
  const observations: MeasureObservation[] = [];
  const reported: ReportedIndicatorValue[] = [];
  for (const row of table.rows) {
    if (row.cells.length !== table.columns.length) {
      throw new RangeError(
        `${table.sheet} row ${row.row} (${row.name}): ${row.cells.length} cells for ${table.columns.length} columns`,
      );
    }
    row.cells.forEach((text, index) => {
      const column = table.columns[index];
      if (!column.measure && !column.indicator) return;
      const provenance: Provenance = {
        importId: table.importId,
        adapterId: SEED_ADAPTER.id,
        adapterVersion: SEED_ADAPTER.version,
        file: table.file,
        sheet: table.sheet,
        row: row.row,
        column: column.column,
        printed: text,
        rowLabel: row.name,
      };
      const parsed = parseCellText(text);
      const period = column.period ?? table.period;
      const role = row.role ?? (row.subject.kind === 'unit' ? 'row' : 'total');
      if (column.measure) {
        observations.push({
          subject: row.subject,
          period,
          measure: column.measure,
          value: parsed.cell,
          role,
          provenance,
          ...(row.dimensions ? { dimensions: row.dimensions } : {}),
        });
      } else if (column.indicator) {
        const digits = column.digits ?? parsed.digits;
        reported.push({
          subject: row.subject,
          period,
          indicator: column.indicator,
          value: parsed.cell,
          role,
          provenance,
          ...(digits !== undefined ? { digits } : {}),
          ...(column.rounding ? { rounding: column.rounding } : {}),
        });
      }
    });
  }
  return { observations, reported };
}

export interface TextFigure {
  readonly subject: Subject;
  readonly locator: string;
  readonly printed: string;
  readonly measure?: MeasureCode;
  readonly indicator?: string;
  readonly period?: string;
  readonly digits?: number;
  readonly role?: ObservationRole;
}

/** Figures quoted in a bulletin's prose: region totals and rates with a paragraph locator. */
export function transcribeText(
  source: { readonly importId: string; readonly file: string; readonly period: string },
  figures: readonly TextFigure[],
): TableRecords {
  const observations: MeasureObservation[] = [];
  const reported: ReportedIndicatorValue[] = [];
  for (const figure of figures) {
    const provenance: Provenance = {
      importId: source.importId,
      adapterId: SEED_ADAPTER.id,
      adapterVersion: SEED_ADAPTER.version,
      file: source.file,
      sheet: '正文',
      locator: figure.locator,
      printed: figure.printed,
    };
    const parsed = parseCellText(figure.printed);
    const period = figure.period ?? source.period;
    const role = figure.role ?? (figure.subject.kind === 'unit' ? 'row' : 'total');
    if (figure.measure) {
      observations.push({
        subject: figure.subject,
        period,
        measure: figure.measure,
        value: parsed.cell,
        role,
        provenance,
      });
    } else if (figure.indicator) {
      const digits = figure.digits ?? parsed.digits;
      reported.push({
        subject: figure.subject,
        period,
        indicator: figure.indicator,
        value: parsed.cell,
        role,
        provenance,
        ...(digits !== undefined ? { digits } : {}),
      });
    }
  }
  return { observations, reported };
}

/** Column letters from A. */
export function columnLetters(count: number, start = 0): string[] {
  return Array.from({ length: count }, (_, i) => String.fromCharCode(65 + start + i));
}
