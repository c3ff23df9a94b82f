import type { Provenance, ValueState, WarningRecord } from '../contract/batch';
import { AdapterError, formatLocation } from '../contract/errors';
import { cellAt, effectiveText, locationOf, provenanceOf } from '../grid/grid';
import type { GridSheet } from '../grid/grid';
import { cleanUnitName, normaliseText, squashWhitespace } from '../text/normalise';
import { cleanFloat } from '../grid/number-format';
import { parseCellValue } from '../values/parse-value';
import type { ValueKind } from '../values/parse-value';
import {
  baseUnitOf,
  magnitudeAgrees,
  parseUnit,
  sameBase,
  unitFromNumberFormat,
  unitFromPath,
  unitFromTitle,
} from '../values/units';
import type { MeasureUnit, UnitSource } from '../values/units';
import { describeMatch, findHeaderBlock, matchColumns, matchHeader, synonymName } from './header';
import type {
  HeaderBlock,
  HeaderColumn,
  HeaderMatch,
  HeaderRequirement,
  HeaderSynonyms,
} from './header';
import { classifyRow } from './rows';
import type { RowKind, RowLabelOptions } from './rows';
import { markSheetRead } from './sheet-reads';
import { extendSynonyms } from './synonyms';
import type { SynonymGroups } from './synonyms';

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
  /**
   * The unit the mapping expects when the file states none, as printed ('万件', '件', '工作日').
   * A unit stated by the header ("办件量(件)"), the cell's number format or a "单位：" line
   * above the table always wins; the default applies only when every number of the column
   * fits it (no 306000 under 万件), otherwise the column is read in the base unit (件) and a
   * warning says so.
   */
  unit?: string;
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
  /**
   * The plugin's own header words, added to the SDK's synonym catalogue for this table
   * (HEADER_SYNONYM_GROUPS): each group lists words that name the same figure.
   */
  synonyms?: SynonymGroups;
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
    if (column.unit !== undefined && !parseUnit(column.unit))
      problems.push(`column "${key}" has the unknown unit "${column.unit}"`);
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

/** The unit a value column was read in, and where the file (or the mapping) stated it. */
export interface ColumnUnit {
  unit: MeasureUnit;
  source: UnitSource;
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
  /** How the header of each column and dimension key matched the mapping. */
  matches?: Record<string, HeaderMatch>;
  /** How the unit name column(s) matched. */
  unitMatches?: HeaderMatch[];
  /** For value columns that state or declare a unit: the unit the values are stored in. */
  units?: Record<string, ColumnUnit>;
  /**
   * The table lists no unit, only its 合计 / 小计 rows: a county uploading its own figures.
   * Those rows are the region's figures (totals covering no rows).
   */
  totalsOnly?: boolean;
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
  const catalogue = extendSynonyms(spec.synonyms);
  const search = findHeaderBlock(searchSheet, requirements, { ...spec.header, catalogue });
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

  const unitMatches = spec.unit ? matchHeader(block, spec.unit.header, { catalogue }) : [];
  const unitColumns = unitMatches.map((match) => match.column);
  const columns: Record<string, HeaderColumn> = {};
  const dimensionColumns: Record<string, HeaderColumn> = {};
  const matches: Record<string, HeaderMatch> = {};
  const serialColumn = matchColumns(block, spec.serial?.header ?? ['序号', '编号'], catalogue)[0];
  const wanted: Array<[key: string, synonyms: HeaderSynonyms, into: Record<string, HeaderColumn>]> =
    [
      ...Object.entries(spec.columns).map(
        ([key, column]) =>
          [key, column.header, columns] as [string, HeaderSynonyms, typeof columns],
      ),
      ...Object.entries(spec.dimensions ?? {}).map(
        ([key, dimension]) =>
          [key, dimension.header, dimensionColumns] as [string, HeaderSynonyms, typeof columns],
      ),
    ];
  // A column the mapping names in its own words is never taken by another key's synonym.
  const first = wanted.map(([key, synonyms]) => ({
    key,
    synonyms,
    found: matchHeader(block, synonyms, { catalogue }),
  }));
  const ownWords = new Set<number>([
    ...unitColumns.map((c) => c.index),
    ...(serialColumn ? [serialColumn.index] : []),
    ...first.flatMap(({ found }) =>
      found.filter((m) => m.how !== 'synonym').map((m) => m.column.index),
    ),
  ]);
  first.forEach(({ key, synonyms, found: initial }, i) => {
    const into = (wanted[i] as (typeof wanted)[number])[2];
    const found = initial.some((m) => m.how === 'synonym')
      ? matchHeader(block, synonyms, { catalogue, exclude: ownWords })
      : initial;
    if (found.length > 1) {
      const how = found[0]?.how === 'synonym' ? ' through the synonym catalogue' : '';
      throw new AdapterError(
        'AMBIGUOUS_COLUMN',
        `the header "${synonymName(synonyms)}" matches ${found.length} columns${how} (${found.map((m) => `${m.column.letter}: ${m.column.label}${m.how === 'synonym' ? ` as ${describeMatch(m)}` : ''}`).join('; ')}); the table layout is not the one this adapter knows`,
        headerLocation((found[1] as HeaderMatch).column),
      );
    }
    const match = found[0];
    if (match) {
      into[key] = match.column;
      matches[key] = match;
    }
  });
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
    ...(spec.ignore ?? []).flatMap((synonyms) =>
      matchColumns(block, synonyms, catalogue).map((c) => c.index),
    ),
  ]);
  const titleTexts = titleLines(sheet, block.top, options.startRow ?? 1);
  const stated = statedUnits(spec, columns, valueKeys, titleTexts);

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
      // A count printed in 万 has decimals; it is checked as a count once it is in 件.
      const value = parseCellValue(
        cell,
        kindOfValue === 'count' &&
          (stated[key]?.scaled || (unitFromNumberFormat(cell.numFmt)?.scale ?? 1) > 1)
          ? 'number'
          : kindOfValue,
        location,
      );
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
  // A county that uploads only its own 合计 row gives its own figures: not an empty table.
  const totalsOnly = !rows.some((row) => row.kind === 'data');
  if (totalsOnly && !rows.some((row) => row.kind === 'total' || row.kind === 'subtotal')) {
    throw new AdapterError(
      'EMPTY_TABLE',
      'the table has a header but no data rows and no total row',
      locationOf(file, sheet, block.bottom + 1),
    );
  }
  const units = applyUnits({ file, sheet, spec, columns, rows, stated, warnings });
  markSheetRead(sheet);
  return {
    spec,
    file,
    sheet,
    header: block,
    columns,
    unitColumns,
    rows,
    endRow,
    warnings,
    matches,
    unitMatches,
    units,
    totalsOnly,
  };
}

/** Texts of the rows above the header (own texts only), where "单位：万件" is printed. */
function titleLines(sheet: GridSheet, headerTop: number, startRow: number): string[] {
  const lines: string[] = [];
  for (let r = Math.max(1, startRow); r < headerTop; r++) {
    const texts = (sheet.rows[r - 1]?.cells ?? []).map((c) => c.text.trim()).filter(hasText);
    if (texts.length > 0) lines.push(texts.join(' '));
  }
  return lines;
}

interface StatedUnit {
  /** The file's own statement (header or title); undefined when only the mapping declares one. */
  unit?: MeasureUnit;
  source?: UnitSource;
  declared?: MeasureUnit;
  /** The column may hold decimals of a multiple (万件): parse leniently, check afterwards. */
  scaled: boolean;
}

/** The units the header and the title state for each value column, and the declared ones. */
function statedUnits(
  spec: TableSpec,
  columns: Record<string, HeaderColumn>,
  valueKeys: readonly string[],
  titleTexts: readonly string[],
): Record<string, StatedUnit> {
  const title = unitFromTitle(titleTexts);
  const out: Record<string, StatedUnit> = {};
  for (const key of valueKeys) {
    const column = columns[key] as HeaderColumn;
    const columnSpec = spec.columns[key] as ColumnSpec;
    const declared = columnSpec.unit !== undefined ? parseUnit(columnSpec.unit) : undefined;
    const header = unitFromPath(column.path);
    // A table-wide "单位：万件" speaks of the counts; it says nothing of a rate or a duration.
    const titleFits =
      title !== undefined &&
      (declared
        ? sameBase(title, declared)
        : columnSpec.kind === 'percent'
          ? title.dimension === 'percent'
          : columnSpec.kind === 'count' && title.dimension === 'count');
    const unit = header ?? (titleFits ? title : undefined);
    const source: UnitSource | undefined = header ? 'header' : unit ? 'title' : undefined;
    out[key] = {
      ...(unit ? { unit } : {}),
      ...(source ? { source } : {}),
      ...(declared ? { declared } : {}),
      scaled: (unit ?? declared)?.scale !== undefined && ((unit ?? declared)?.scale ?? 1) > 1,
    };
  }
  return out;
}

function unitWarning(
  code: string,
  location: ReturnType<typeof locationOf>,
  text: string,
): WarningRecord {
  return { code, message: `${formatLocation(location)}: ${text}`, provenance: location };
}

function printedNumber(value: number): string {
  return String(cleanFloat(value));
}

/**
 * Settles each value column's unit (header, then the cells' number format, then the title,
 * then the mapping's default when the magnitudes fit it), converts numbers into the base
 * unit (30.6 万件 → 306000 件, `raw` keeps "30.6") and flags every number whose magnitude
 * contradicts the unit: flagged, never silently rescaled.
 */
function applyUnits(input: {
  file: string;
  sheet: GridSheet;
  spec: TableSpec;
  columns: Record<string, HeaderColumn>;
  rows: TableRow[];
  stated: Record<string, StatedUnit>;
  warnings: WarningRecord[];
}): Record<string, ColumnUnit> {
  const { file, sheet, spec, columns, rows, stated, warnings } = input;
  const units: Record<string, ColumnUnit> = {};
  for (const [key, statement] of Object.entries(stated)) {
    const column = columns[key] as HeaderColumn;
    const columnSpec = spec.columns[key] as ColumnSpec;
    const headerLocation = locationOf(file, sheet, undefined, column.index, column.label);
    const numbers = rows
      .map((row) => ({ row, reading: row.values[key] }))
      .filter(
        (entry): entry is { row: TableRow; reading: CellReading } =>
          entry.reading?.value.status === 'number',
      );
    let unit = statement.unit;
    let source = statement.source;
    if (!unit) {
      for (const { row } of numbers) {
        const format = unitFromNumberFormat(cellAt(sheet, row.row, column.index).numFmt);
        if (format) {
          unit = format;
          source = 'number-format';
          break;
        }
      }
    }
    const declared = statement.declared;
    let judge = true;
    if (!unit && declared) {
      const misfit = numbers.find(
        ({ reading }) =>
          reading.value.status === 'number' && !magnitudeAgrees(reading.value.value, declared),
      );
      if (misfit && misfit.reading.value.status === 'number') {
        unit = baseUnitOf(declared);
        const at = locationOf(file, sheet, misfit.row.row, column.index, column.label);
        warnings.push(
          unitWarning(
            'UNIT_DEFAULT_NOT_APPLIED',
            at,
            `the column states no unit, and ${misfit.reading.value.raw} does not fit the mapping's ${declared.symbol}; the column is read as printed, in ${unit.symbol}: check the unit`,
          ),
        );
        judge = false;
      } else {
        unit = declared;
      }
      source = 'default';
    }
    if (!unit || !source) continue;
    if (declared && !sameBase(unit, declared)) {
      warnings.push(
        unitWarning(
          'UNIT_MISMATCH',
          headerLocation,
          `the file states ${unit.symbol} where the mapping expects ${declared.symbol}; the figures are read as printed, in ${unit.symbol}`,
        ),
      );
    }
    units[key] = { unit, source };
    // A rate column under "(%)" holds percent points already; a duration is not rescaled.
    const convert = unit.dimension === 'count' && columnSpec.kind !== 'percent';
    for (const { row, reading } of numbers) {
      const value = reading.value;
      if (value.status !== 'number' || !convert) continue;
      const at = locationOf(file, sheet, row.row, column.index, column.label);
      const agrees = magnitudeAgrees(value.value, unit);
      if (judge && !agrees) {
        const hint =
          unit.scale > 1
            ? `it reads as ${printedNumber(value.value * unit.scale)} ${unit.base || 'units'}; the number looks printed in ${unit.base || 'units'}, not ${unit.symbol}`
            : `a fraction of ${unit.symbol} is not a count; the number looks printed in 万${unit.symbol}`;
        warnings.push(
          unitWarning(
            'UNIT_MAGNITUDE',
            at,
            `${value.raw} under ${column.label} (${unit.symbol}, from the ${source === 'default' ? "mapping's default" : source}) contradicts the unit: ${hint}; check the file`,
          ),
        );
      }
      const scaled = cleanFloat(value.value * unit.scale);
      const decimals = Math.max(0, value.decimals - Math.round(Math.log10(unit.scale)));
      if (columnSpec.kind === 'count' && (!Number.isInteger(scaled) || scaled < 0)) {
        throw new AdapterError(
          'BAD_NUMBER',
          `"${value.raw}" ${unit.symbol} is ${printedNumber(scaled)} ${unit.base || 'units'}, not a whole number ≥ 0`,
          at,
        );
      }
      reading.value = {
        ...value,
        value: scaled,
        unit: Number.isInteger(scaled) ? 'count' : value.unit,
        decimals: Number.isInteger(scaled) ? decimals : value.decimals,
      };
    }
  }
  return units;
}
