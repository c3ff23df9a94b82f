import {
  AdapterError,
  cellAt,
  findPeriod,
  isAdapterError,
  parseCellValue,
  periodSpan,
  resolvePeriod,
  samePeriodSpan,
} from '@efficacy/plugin-sdk';
import type {
  BatchBuilder,
  HeaderColumn,
  Location,
  MeasureRecord,
  ParseContext,
  PeriodCandidate,
  Provenance,
  Table,
  TableRow,
  TextReading,
  TotalRecord,
  TotalValue,
  ValueKind,
  ValueState,
} from '@efficacy/plugin-sdk';

import { findGansuIndicator } from '../mappings/indicators';
import type { GansuIndicatorMapping } from '../mappings/indicators';
import { locationOf, warningAt } from './labels';

function yearOf(period: string): number | undefined {
  const end = periodSpan(period)?.end;
  return end ? Number(end.slice(0, 4)) : undefined;
}

function periodText(row: TableRow): TextReading | undefined {
  const reading = row.texts['period'];
  return reading && reading.text !== '' ? reading : undefined;
}

/**
 * The batch period: the title's, else the upload's, else the one period every row states in
 * 期间 (a file without a title whose rows all say 2022年1-9月 is about 2022年1-9月).
 * Otherwise PERIOD_NOT_FOUND, as for any report.
 */
export function resolveValuesPeriod(
  table: Table,
  candidates: readonly PeriodCandidate[],
  context: ParseContext,
  fallback: Location,
): string {
  try {
    return resolvePeriod(candidates, context, fallback).period;
  } catch (error) {
    if (!isAdapterError(error) || error.code !== 'PERIOD_NOT_FOUND') throw error;
    const texts = new Set(
      table.rows.map((row) => periodText(row)?.text ?? '').filter((text) => text !== ''),
    );
    const [only] = [...texts];
    const allDated = table.rows.every((row) => periodText(row) !== undefined);
    if (texts.size === 1 && allDated && only !== undefined) {
      const found = findPeriod(only, context.year !== undefined ? { year: context.year } : {});
      if (found.found) return found.match.period;
    }
    throw error;
  }
}

interface RowReading {
  row: TableRow;
  mapping: GansuIndicatorMapping;
  /** Set when the row's 期间 differs from the batch period. */
  period?: string;
  /** The comparison key of the row's period (batch period when 期间 is blank). */
  periodKey: string;
}

interface CountCell {
  key: 'numerator' | 'denominator';
  measure?: string;
  value: ValueState;
  provenance: Provenance;
}

function sameValue(a: ValueState, b: ValueState): boolean {
  if (a.status !== b.status) return false;
  return a.status !== 'number' || (b.status === 'number' && a.value === b.value);
}

function pathStartsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, i) => path[i] === part);
}

/**
 * Reads the indicator-values table into the batch. Each row's 指标 decides what its cells
 * are: a count indicator's 数值 is a base measure, a rate's 数值 is a reported indicator
 * value; 分子 and 分母 become the measures the model computes the rate from. Total rows (合计,
 * 嘉峪关市) and 小计 rows are kept as totals covering the rows of the same indicator and period.
 */
export function addIndicatorValues(builder: BatchBuilder, table: Table, batchPeriod: string): void {
  const { sheet } = table;
  const columns = table.columns as Partial<Record<string, HeaderColumn>>;
  const year = yearOf(batchPeriod);
  const readings: RowReading[] = [];
  const headerOf = (key: string): string | undefined => columns[key]?.label;

  for (const row of table.rows) {
    const indicator = row.texts['indicator'] as TextReading;
    if (indicator.text === '') {
      throw new AdapterError(
        'BAD_VALUE',
        'the row has no indicator (指标)',
        locationOf(indicator.provenance, headerOf('indicator')),
      );
    }
    const mapping = findGansuIndicator(indicator.text);
    if (!mapping) {
      builder.warn(
        warningAt(
          'UNKNOWN_INDICATOR',
          locationOf(indicator.provenance, headerOf('indicator')),
          `"${indicator.text}" is not an indicator this adapter knows; the row is not imported`,
        ),
      );
      continue;
    }
    let periodKey = batchPeriod;
    let period: string | undefined;
    const stated = periodText(row);
    if (stated) {
      const found = findPeriod(stated.text, year !== undefined ? { year } : {});
      if (!found.found) {
        throw new AdapterError(
          'BAD_VALUE',
          `"${stated.text}" is not a period (such as 2022年1-9月, 2022年9月, 2022年上半年)`,
          locationOf(stated.provenance, headerOf('period')),
        );
      }
      periodKey = found.match.period;
      if (!samePeriodSpan(periodKey, batchPeriod)) period = periodKey;
    }
    readings.push({ row, mapping, periodKey, ...(period !== undefined ? { period } : {}) });
  }

  const kept = new Map<string, { row: number; value: ValueState; provenance: Provenance }>();
  // Rows whose counts were found identical in an earlier row: a total covering this row
  // must cover that one too, or reconciliation would miss the count.
  const alsoCovers = new Map<number, Set<number>>();
  // Totals are added last, once every row they may cover has been read.
  const pendingTotals: Array<{ reading: RowReading; record: TotalRecord }> = [];

  for (const reading of readings) {
    const { row, mapping } = reading;
    const main = readCell(table, row, 'value', mapping.value);
    const counts = (['numerator', 'denominator'] as const).flatMap((key): CountCell[] => {
      const column = columns[key];
      if (!column || cellAt(sheet, row.row, column.index).type === 'empty') return [];
      const cell = readCell(table, row, key, 'count');
      const measure = mapping[key];
      return [{ key, ...(measure !== undefined ? { measure } : {}), ...cell }];
    });
    for (const count of counts) {
      // Only a figure is worth a warning: "/" or "-" in a column we cannot use loses nothing.
      if (count.measure !== undefined || count.value.status !== 'number') continue;
      const why = mapping.unmapped?.[count.key] ?? 'the model has no base measure for it';
      builder.warn(
        warningAt(
          'COUNT_NOT_MAPPED',
          locationOf(count.provenance, headerOf(count.key)),
          `${count.key === 'numerator' ? '分子' : '分母'} of ${mapping.indicator} is not imported: ${why}`,
        ),
      );
    }
    const mappedCounts = counts.filter(
      (count): count is CountCell & { measure: string } => count.measure !== undefined,
    );

    if (row.kind !== 'data') {
      const values: TotalValue[] = [
        {
          code: mapping.measure ?? mapping.indicator,
          codeKind: mapping.measure ? 'measure' : 'indicator',
          ...(reading.period !== undefined ? { period: reading.period } : {}),
          ...main,
        },
        ...mappedCounts.map(
          (count): TotalValue => ({
            code: count.measure,
            codeKind: 'measure',
            ...(reading.period !== undefined ? { period: reading.period } : {}),
            value: count.value,
            provenance: count.provenance,
          }),
        ),
      ];
      pendingTotals.push({
        reading,
        record: {
          kind: row.kind,
          label: row.label ?? row.unitName,
          unitPath: [...row.unitPath],
          ...(row.section !== undefined ? { section: row.section } : {}),
          table: table.spec.name,
          sheet: sheet.name,
          row: row.row,
          covers: [],
          values,
        },
      });
      continue;
    }

    const base = {
      unitName: row.unitName,
      unitPath: [...row.unitPath],
      ...(row.section !== undefined ? { section: row.section } : {}),
      ...(reading.period !== undefined ? { period: reading.period } : {}),
      table: table.spec.name,
    };
    const addMeasure = (measure: string, value: ValueState, provenance: Provenance): void => {
      // The same count can come with several indicators (行政许可事项数 is the 分母 of both
      // 平均跑动次数 and 即办件占比): it is one fact, imported once.
      const key = JSON.stringify([row.unitPath, reading.periodKey, measure]);
      const first = kept.get(key);
      if (!first) {
        kept.set(key, { row: row.row, value, provenance });
        const record: MeasureRecord = { ...base, measure, value, provenance };
        builder.addMeasure(record);
        return;
      }
      if (sameValue(first.value, value)) {
        const rows = alsoCovers.get(row.row) ?? new Set<number>();
        rows.add(first.row);
        alsoCovers.set(row.row, rows);
        return;
      }
      builder.warn(
        warningAt(
          'MEASURE_CONFLICT',
          locationOf(provenance),
          `${measure} of ${row.unitPath.join(' / ')} is ${value.raw === '' ? 'empty' : `"${value.raw}"`} here but "${first.value.raw}" in row ${first.row} (column ${first.provenance.column}); the first is imported`,
        ),
      );
    };
    if (mapping.measure) {
      addMeasure(mapping.measure, main.value, main.provenance);
    } else {
      builder.addIndicator({ ...base, indicator: mapping.indicator, ...main });
    }
    for (const count of mappedCounts) addMeasure(count.measure, count.value, count.provenance);
  }

  for (const { reading, record } of pendingTotals) {
    builder.addTotal({ ...record, covers: coversOf(reading, readings, alsoCovers) });
  }
}

/** Reads one value cell of a row with the kind its indicator is printed in. */
function readCell(
  table: Table,
  row: TableRow,
  key: string,
  kind: ValueKind,
): { value: ValueState; provenance: Provenance } {
  const column = table.columns[key] as HeaderColumn;
  const location: Location = {
    file: table.file,
    sheet: table.sheet.name,
    row: row.row,
    column: column.letter,
    columnIndex: column.index,
    header: column.label,
  };
  const value = parseCellValue(cellAt(table.sheet, row.row, column.index), kind, location);
  return {
    value,
    provenance: {
      file: table.file,
      sheet: table.sheet.name,
      row: row.row,
      column: column.letter,
      columnIndex: column.index,
    },
  };
}

/**
 * The rows a total covers: the data rows of the same indicator and period (a 小计 only those
 * under its own group), plus the rows their repeated counts were imported from. Benchmarks
 * (a higher level shown for comparison) cover nothing.
 */
function coversOf(
  total: RowReading,
  readings: readonly RowReading[],
  alsoCovers: ReadonlyMap<number, ReadonlySet<number>>,
): number[] {
  if (total.row.kind === 'benchmark') return [];
  const covered = new Set<number>();
  for (const data of readings) {
    if (
      data.row.kind !== 'data' ||
      data.mapping !== total.mapping ||
      data.periodKey !== total.periodKey ||
      (total.row.kind === 'subtotal' && !pathStartsWith(data.row.unitPath, total.row.unitPath))
    ) {
      continue;
    }
    covered.add(data.row.row);
    for (const extra of alsoCovers.get(data.row.row) ?? []) covered.add(extra);
  }
  return [...covered].sort((a, b) => a - b);
}
