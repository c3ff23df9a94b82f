import type { Provenance, ValueState, WarningRecord } from '../contract/batch';
import { AdapterError, formatLocation } from '../contract/errors';
import { cellAt, effectiveText, locationOf, provenanceOf } from '../grid/grid';
import type { GridSheet } from '../grid/grid';
import { cleanUnitName, normaliseText, squashWhitespace } from '../text/normalise';
import { parseCellValue } from '../values/parse-value';
import type { ValueKind } from '../values/parse-value';
import { findHeaderBlock, matchColumns, synonymName } from './header';
import type { HeaderBlock, HeaderColumn, HeaderRequirement, HeaderSynonyms } from './header';
import { classifyRow } from './rows';
import type { RowKind, RowLabelOptions } from './rows';

/**
 * The table-spec DSL: a plugin declares what a table looks like (header synonyms, which
 * column is which measure or indicator, what kind of value it holds) and `readTable` does
 * the rest: finds the header block, classifies rows, parses values with locations.
 */

export interface ColumnSpec {
  header: HeaderSynonyms;
  /** A value kind, or `text` for prose columns (plans: 任务目标, 责任单位, 完成时限). */
  kind: ValueKind | 'text';
  /** Emit each data cell as a base measure with this code. */
  measure?: string;
  /** Emit each data cell as a reported indicator value with this code. */
  indicator?: string;
  /** Default true: a missing required column is a MISSING_COLUMN error. */
  required?: boolean;
  /** Cumulative columns (累计…) cover January to the batch period's last month. */
  period?: 'year-to-date';
}

export interface DimensionSpec {
  header: HeaderSynonyms;
  required?: boolean;
  /** Blank cells repeat the value above (csv exports of vertically merged cells). */
  fillDown?: boolean;
}

export interface TableSpec {
  /** Stable name, recorded on every record as `table`; e.g. `annex-2-good-bad-review`. */
  name: string;
  /**
   * The unit name column(s). Several matching columns form the unit path, left to right.
   * Omit it only for tables that are not about units (a plan's task list).
   */
  unit?: { header: HeaderSynonyms; fillDown?: boolean };
  /** The serial number column; optional, defaults to 序号. */
  serial?: { header: HeaderSynonyms };
  columns: Record<string, ColumnSpec>;
  dimensions?: Record<string, DimensionSpec>;
  /** Columns that are known and deliberately not read (no UNKNOWN_COLUMN warning). */
  ignore?: readonly HeaderSynonyms[];
  rows?: RowLabelOptions;
  header?: { maxScanRows?: number; maxDepth?: number; inheritBlankFromLeft?: boolean };
  /** Default true: the first note row (注：, 备注：) ends the table. */
  stopAtNote?: boolean;
}

/** Identity helper that checks a spec once, when the plugin module loads. */
export function defineTable<const T extends TableSpec>(spec: T): T {
  const problems: string[] = [];
  if (!spec.name) problems.push('name is empty');
  for (const [key, column] of Object.entries(spec.columns)) {
    if (column.measure && column.indicator)
      problems.push(`column "${key}" has both measure and indicator`);
    if (column.kind === 'text' && (column.measure || column.indicator)) {
      problems.push(`text column "${key}" cannot be a measure or an indicator`);
    }
    if (typeof column.header !== 'string' && column.header.length === 0)
      problems.push(`column "${key}" has no header`);
  }
  if (problems.length > 0) throw new Error(`table spec "${spec.name}": ${problems.join('; ')}`);
  return spec;
}

export interface CellReading {
  value: ValueState;
  provenance: Provenance;
}

export interface TextReading {
  /** The text as printed (trimmed); a merged cell gives its master's text. */
  text: string;
  provenance: Provenance;
}

export interface TableRow {
  row: number;
  kind: Exclude<RowKind, 'blank' | 'note' | 'header' | 'section'>;
  /** Printed label of total, subtotal and benchmark rows. */
  label?: string;
  unitPath: string[];
  /** Last element of unitPath ('' for a grand total). */
  unitName: string;
  section?: string;
  serial?: string;
  /** Numeric columns by key. */
  values: Record<string, CellReading>;
  /** Text columns by key. */
  texts: Record<string, TextReading>;
  dimensions: Record<string, string>;
  /** For total and subtotal rows: the data rows they sum. */
  covers?: number[];
}

export interface Table {
  spec: TableSpec;
  file: string;
  sheet: GridSheet;
  header: HeaderBlock;
  /** Column found for each column key (optional columns that are absent are left out). */
  columns: Record<string, HeaderColumn>;
  unitColumns: HeaderColumn[];
  rows: TableRow[];
  /** First row after the table (a note row or the end of the sheet + 1). */
  endRow: number;
  warnings: WarningRecord[];
}

export interface ReadTableOptions {
  file: string;
  /** Search the header from this row (for sheets with several tables). */
  startRow?: number;
  /** Last row of the table (inclusive); default: first note row or end of sheet. */
  endRow?: number;
}

function headerRequirements(
  spec: TableSpec,
): Array<HeaderRequirement & { key: string; role: string }> {
  const requirements: Array<HeaderRequirement & { key: string; role: string }> = spec.unit
    ? [{ key: '', role: 'unit', synonyms: spec.unit.header, required: true, multiple: true }]
    : [];
  for (const [key, column] of Object.entries(spec.columns)) {
    requirements.push({
      key,
      role: 'column',
      synonyms: column.header,
      required: column.required ?? true,
      multiple: false,
    });
  }
  for (const [key, dimension] of Object.entries(spec.dimensions ?? {})) {
    requirements.push({
      key,
      role: 'dimension',
      synonyms: dimension.header,
      required: dimension.required ?? true,
      multiple: false,
    });
  }
  return requirements;
}

/** A view of the sheet with rows above `startRow` blanked, keeping real row numbers. */
function sliceSheet(sheet: GridSheet, startRow: number): GridSheet {
  if (startRow <= 1) return sheet;
  const rows = sheet.rows.map((row, i) => {
    if (i + 1 >= startRow) return row;
    return {
      ...row,
      cells: row.cells.map((cell) => ({
        row: cell.row,
        column: cell.column,
        type: 'empty' as const,
        text: '',
      })),
    };
  });
  return { ...sheet, rows };
}

function hasText(text: string): boolean {
  return squashWhitespace(normaliseText(text)) !== '';
}

/** Reads a table from a sheet according to its spec. Throws AdapterError with locations. */
export function readTable(sheet: GridSheet, spec: TableSpec, options: ReadTableOptions): Table {
  const { file } = options;
  const requirements = headerRequirements(spec);
  const searchSheet = sliceSheet(sheet, options.startRow ?? 1);
  const search = findHeaderBlock(searchSheet, requirements, spec.header);
  if (!search.block) {
    if (search.partial) {
      const names = search.partial.missing.map((r) => `"${synonymName(r.synonyms)}"`).join(', ');
      const rows =
        search.partial.block.top === search.partial.block.bottom
          ? `row ${search.partial.block.top}`
          : `rows ${search.partial.block.top}-${search.partial.block.bottom}`;
      throw new AdapterError(
        'MISSING_COLUMN',
        `the header (${rows}) has no column ${names}`,
        locationOf(file, sheet, search.partial.block.top),
      );
    }
    const wanted = requirements
      .filter((r) => r.required)
      .slice(0, 4)
      .map((r) => synonymName(r.synonyms))
      .join(', ');
    throw new AdapterError(
      'HEADER_NOT_FOUND',
      `no header row with the columns ${wanted} found in the first ${spec.header?.maxScanRows ?? 30} rows`,
      locationOf(file, sheet),
    );
  }
  const block = search.block;
  const headerLocation = (column: HeaderColumn) =>
    locationOf(file, sheet, block.bottom, column.index, column.label);

  const unitColumns = spec.unit ? matchColumns(block, spec.unit.header) : [];
  const columns: Record<string, HeaderColumn> = {};
  const dimensionColumns: Record<string, HeaderColumn> = {};
  const claim = (key: string, synonyms: HeaderSynonyms, into: Record<string, HeaderColumn>) => {
    const matches = matchColumns(block, synonyms);
    if (matches.length > 1) {
      throw new AdapterError(
        'AMBIGUOUS_COLUMN',
        `the header "${synonymName(synonyms)}" matches ${matches.length} columns (${matches.map((m) => `${m.letter}: ${m.label}`).join('; ')}); the table layout is not the one this adapter knows`,
        headerLocation(matches[1] as HeaderColumn),
      );
    }
    if (matches[0]) into[key] = matches[0];
  };
  for (const [key, column] of Object.entries(spec.columns)) claim(key, column.header, columns);
  for (const [key, dimension] of Object.entries(spec.dimensions ?? {}))
    claim(key, dimension.header, dimensionColumns);
  const serialColumn = matchColumns(block, spec.serial?.header ?? ['序号', '编号'])[0];
  // A unit header merged over several columns (便民服务中心 over town and village) reaches a
  // csv as one label followed by blank header cells: those unlabeled columns are unit levels.
  const claimed = new Set(
    [...Object.values(columns), ...Object.values(dimensionColumns)].map((c) => c.index),
  );
  for (let last = unitColumns[unitColumns.length - 1]; last; ) {
    const next = block.columns[last.index];
    if (!next || next.path.length > 0 || claimed.has(next.index)) break;
    unitColumns.push(next);
    last = next;
  }

  const textKeys = Object.keys(columns).filter((key) => spec.columns[key]?.kind === 'text');
  const valueKeys = Object.keys(columns).filter((key) => spec.columns[key]?.kind !== 'text');
  const valueIndexes = new Set(valueKeys.map((key) => (columns[key] as HeaderColumn).index));
  const warnings: WarningRecord[] = [];
  const known = new Set<number>([
    ...Object.values(columns).map((c) => c.index),
    ...unitColumns.map((c) => c.index),
    ...Object.values(dimensionColumns).map((c) => c.index),
    ...(serialColumn ? [serialColumn.index] : []),
    ...(spec.ignore ?? []).flatMap((synonyms) => matchColumns(block, synonyms).map((c) => c.index)),
  ]);

  const lastReadColumn = Math.max(
    0,
    ...Object.values(columns).map((c) => c.index),
    ...unitColumns.map((c) => c.index),
    ...Object.values(dimensionColumns).map((c) => c.index),
  );
  const lastRow = Math.min(options.endRow ?? sheet.rowCount, sheet.rowCount);
  const rows: TableRow[] = [];
  const filled: Record<string, string> = {};
  let section: string | undefined;
  let groupStart: number[] = [];
  const dataRows: number[] = [];
  let endRow = lastRow + 1;
  const bottomLabels = block.columns.map((c) => c.path[c.path.length - 1] ?? '');
  const columnsWithData = new Set<number>();

  for (let r = block.bottom + 1; r <= lastRow; r++) {
    const gridRow = sheet.rows[r - 1];
    if (!gridRow) continue;
    const texts = gridRow.cells.map(effectiveText);
    const labelTexts = texts.filter((_t, i) => !valueIndexes.has(i + 1));
    // Values by own text: a section label merged across the row is not a value.
    const valueTexts = gridRow.cells.filter((c) => valueIndexes.has(c.column)).map((c) => c.text);
    const firstText = texts.find(hasText) ?? '';
    const ownTextCount = gridRow.cells.filter((c) => hasText(c.text)).length;
    // A header repeated after a page break: most labelled columns repeat their label.
    const repeats = bottomLabels.filter(
      (label, i) => label !== '' && texts[i]?.trim() === label,
    ).length;
    if (repeats >= Math.max(2, Math.ceil(bottomLabels.filter((l) => l !== '').length / 2)))
      continue;
    const classification = classifyRow(
      { labels: labelTexts, values: valueTexts, firstText, ownTextCount },
      spec.rows,
    );
    if (classification.kind === 'blank' || classification.kind === 'header') continue;
    if (classification.kind === 'note') {
      if (spec.stopAtNote ?? true) {
        endRow = r;
        break;
      }
      continue;
    }
    if (classification.kind === 'section') {
      section = classification.label;
      groupStart = [];
      continue;
    }
    for (let c = 1; c <= gridRow.cells.length; c++) {
      if (!known.has(c) && hasText(texts[c - 1] ?? '')) columnsWithData.add(c);
    }
    if (gridRow.hidden && classification.kind === 'data') {
      // Hidden rows are imported (the file is the record), but a clerk hiding a unit is
      // worth a look, so the dry run says so.
      const location = locationOf(file, sheet, r);
      warnings.push({
        code: 'HIDDEN_ROW',
        message: `${formatLocation(location)}: the row is hidden in the workbook but is imported`,
        provenance: location,
      });
    }

    const kind = classification.kind;
    const label = classification.label;
    if (gridRow.fieldCount !== undefined && gridRow.fieldCount < lastReadColumn) {
      const missing = block.columns[gridRow.fieldCount];
      throw new AdapterError(
        'SHORT_ROW',
        `the line ends after ${gridRow.fieldCount} fields, but the table has ${lastReadColumn} columns; the file is truncated or a separator is missing`,
        locationOf(file, sheet, r, gridRow.fieldCount + 1, missing?.label),
      );
    }
    // Fill-down (csv exports of vertically merged cells): a data row inherits every blank
    // unit level from the rows above; a total row only the levels outside its label, so a
    // 总计 row does not borrow the last village's name.
    const rawUnits = unitColumns.map((column) => cleanUnitName(texts[column.index - 1] ?? ''));
    const unitPath: string[] = [];
    rawUnits.forEach((raw, i) => {
      const key = `unit:${i}`;
      let text = raw;
      const innerPresent = rawUnits.slice(i + 1).some((inner) => inner !== '');
      if (text === '' && spec.unit?.fillDown && (kind === 'data' || innerPresent))
        text = filled[key] ?? '';
      if (raw !== '' && kind === 'data') filled[key] = raw;
      if (text !== '' && unitPath[unitPath.length - 1] !== text) unitPath.push(text);
    });
    const dimensions: Record<string, string> = {};
    for (const [key, column] of Object.entries(dimensionColumns)) {
      let text = cleanUnitName(texts[column.index - 1] ?? '');
      if (text === '' && kind === 'data' && spec.dimensions?.[key]?.fillDown)
        text = filled[`dim:${key}`] ?? '';
      if (text !== '' && kind === 'data') filled[`dim:${key}`] = text;
      dimensions[key] = text;
    }

    // A total row's label may sit in the unit column; it is not part of the unit path.
    const path =
      kind === 'data' || kind === 'benchmark' ? unitPath : unitPath.filter((p) => p !== label);
    if (kind === 'data' && path.length === 0 && unitColumns.length > 0) {
      const unitColumn = unitColumns[0] as HeaderColumn;
      throw new AdapterError(
        'UNIT_NAME_MISSING',
        'the row has values but no unit name',
        locationOf(file, sheet, r, unitColumn.index, unitColumn.label),
      );
    }

    const values: Record<string, CellReading> = {};
    for (const key of valueKeys) {
      const column = columns[key] as HeaderColumn;
      const kindOfValue = (spec.columns[key] as ColumnSpec).kind as ValueKind;
      const cell = cellAt(sheet, r, column.index);
      const location = locationOf(file, sheet, r, column.index, column.label);
      // Values use the cell's own text: a value merged over several rows belongs to its first row.
      const value = parseCellValue(cell, kindOfValue, location);
      if (cell.formula !== undefined && cell.type === 'empty') {
        warnings.push({
          code: 'FORMULA_NOT_CACHED',
          message: `${formatLocation(location)}: formula =${cell.formula} has no saved result (the file was not recalculated before saving); read as missing`,
          provenance: location,
        });
      }
      values[key] = { value, provenance: provenanceOf(file, sheet, r, column.index) };
    }

    const textReadings: Record<string, TextReading> = {};
    for (const key of textKeys) {
      const column = columns[key] as HeaderColumn;
      textReadings[key] = {
        text: (texts[column.index - 1] ?? '').trim(),
        provenance: provenanceOf(file, sheet, r, column.index),
      };
    }

    const tableRow: TableRow = {
      row: r,
      kind,
      unitPath: path,
      unitName: path[path.length - 1] ?? '',
      values,
      texts: textReadings,
      dimensions,
    };
    if (label !== undefined) tableRow.label = label;
    // A grand total spans every section; data and subtotal rows belong to the current one.
    if (section !== undefined && kind !== 'total') tableRow.section = section;
    if (serialColumn) {
      const serial = (texts[serialColumn.index - 1] ?? '').trim();
      if (serial !== '' && serial !== label) tableRow.serial = serial;
    }
    if (kind === 'data') {
      dataRows.push(r);
      groupStart.push(r);
    } else if (kind === 'subtotal') {
      tableRow.covers = groupStart;
      groupStart = [];
    } else if (kind === 'benchmark') {
      tableRow.covers = [];
    }
    rows.push(tableRow);
  }
  for (const row of rows) if (row.kind === 'total') row.covers = [...dataRows];
  for (const index of [...columnsWithData].sort((a, b) => a - b)) {
    const column = block.columns[index - 1];
    const location = locationOf(file, sheet, block.bottom, index, column?.label);
    warnings.push({
      code: 'UNKNOWN_COLUMN',
      message: `${formatLocation({ ...location, row: undefined })}: the column holds data this adapter does not read`,
      provenance: location,
    });
  }
  if (!rows.some((row) => row.kind === 'data')) {
    throw new AdapterError(
      'EMPTY_TABLE',
      'the table has a header but no data rows',
      locationOf(file, sheet, block.bottom + 1),
    );
  }
  return { spec, file, sheet, header: block, columns, unitColumns, rows, endRow, warnings };
}
