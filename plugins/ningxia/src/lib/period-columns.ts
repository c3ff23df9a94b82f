import {
  findHeaderBlock,
  findPeriod,
  isPeriod,
  normaliseLabel,
  samePeriodSpan,
} from '@efficacy/plugin-sdk';
import type {
  ColumnSpec,
  GridSheet,
  HeaderRequirement,
  NormalisedBatch,
  TableSpec,
} from '@efficacy/plugin-sdk';

import type { PeriodColumnPattern } from '../mappings/e-licences';

export interface PeriodColumns {
  /** The table spec with one column per period column found in the header. */
  spec: TableSpec;
  /** Period phrase of each added column, by column index ("2020", "2022-01..2022-08"). */
  periods: Map<number, string>;
}

/**
 * Adds the columns whose label names their own period (2020年入库总量, 2021年入库增长率) to
 * a table spec. The header is located with the spec's fixed columns first, so the patterns
 * only ever look at that header row.
 */
export function withPeriodColumns(
  sheet: GridSheet,
  base: TableSpec,
  patterns: readonly PeriodColumnPattern[],
): PeriodColumns {
  const requirements: HeaderRequirement[] = [
    ...(base.unit ? [{ synonyms: base.unit.header, required: true, multiple: true }] : []),
    ...Object.values(base.columns).map((column) => ({
      synonyms: column.header,
      required: column.required ?? true,
      multiple: false,
    })),
  ];
  const block = findHeaderBlock(sheet, requirements, base.header).block;
  const periods = new Map<number, string>();
  // No header: readTable will say which column is missing, in its own words.
  if (!block) return { spec: base, periods };
  const columns: Record<string, ColumnSpec> = { ...base.columns };
  for (const column of block.columns) {
    const label = column.path[column.path.length - 1];
    if (!label) continue;
    const normalised = normaliseLabel(label);
    for (const pattern of patterns) {
      const match = pattern.pattern.exec(normalised);
      if (!match) continue;
      const phrase = findPeriod(match[1] ?? '');
      const period = phrase.found ? phrase.match.period : undefined;
      const key = `${pattern.measure ?? pattern.indicator ?? 'value'}@${column.letter}`;
      columns[key] = {
        header: label,
        kind: pattern.kind,
        ...(pattern.measure ? { measure: pattern.measure } : {}),
        ...(pattern.indicator ? { indicator: pattern.indicator } : {}),
      };
      if (period !== undefined) periods.set(column.index, period);
      break;
    }
  }
  return { spec: { ...base, columns }, periods };
}

function periodFor(
  periods: Map<number, string>,
  sheet: string,
  table: string,
  batchPeriod: string,
  record: { table: string; provenance: { sheet: string; columnIndex: number } },
): string | undefined {
  if (record.table !== table || record.provenance.sheet !== sheet) return undefined;
  const period = periods.get(record.provenance.columnIndex);
  if (period === undefined || !isPeriod(period) || samePeriodSpan(period, batchPeriod)) {
    return undefined;
  }
  return period;
}

/**
 * Sets `period` on the records of the period columns whose period is not the batch's own
 * (the 2020 and 2021 totals in a 2022年1-8月 report), keeping the builder's key order.
 */
export function applyColumnPeriods(
  batch: NormalisedBatch,
  sheet: string,
  table: string,
  periods: Map<number, string>,
): NormalisedBatch {
  const place = <T extends { table: string; provenance: { sheet: string; columnIndex: number } }>(
    record: T,
  ): T => {
    const period = periodFor(periods, sheet, table, batch.period, record);
    if (period === undefined) return record;
    const { table: tableName, ...rest } = record;
    const entries = Object.entries(rest);
    const at = entries.findIndex(([key]) => key === 'measure' || key === 'indicator');
    entries.splice(at, 0, ['period', period], ['table', tableName]);
    return Object.fromEntries(entries) as T;
  };
  return {
    ...batch,
    measures: batch.measures.map(place),
    indicators: batch.indicators.map(place),
    totals: batch.totals.map((total) => ({
      ...total,
      values: total.values.map((value) => {
        const period =
          total.table === table
            ? periodFor(periods, sheet, table, batch.period, { ...value, table })
            : undefined;
        if (period === undefined) return value;
        const { value: state, provenance, ...head } = value;
        return { ...head, period, value: state, provenance };
      }),
    })),
  };
}
