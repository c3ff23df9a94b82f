import { formatLocation, locationOf, normaliseLabel } from '@efficacy/plugin-sdk';
import type {
  BatchBuilder,
  CellReading,
  Location,
  Table,
  TableRow,
  TotalValue,
  WarningRecord,
} from '@efficacy/plugin-sdk';

import { HOTLINE_CATEGORY_ROWS, HOTLINE_COLUMNS } from '../mappings/hotline';
import type { HotlineCategory } from '../mappings/hotline';

function categoryOf(row: TableRow): HotlineCategory | undefined {
  const label = normaliseLabel(row.unitName);
  return HOTLINE_CATEGORY_ROWS.find((category) =>
    category.labels.some((candidate) => normaliseLabel(candidate) === label),
  );
}

function locationOfReading(table: Table, key: string, reading: CellReading): Location {
  const header = table.columns[key]?.label;
  const p = reading.provenance;
  return {
    file: p.file,
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    columnIndex: p.columnIndex,
    ...(header !== undefined ? { header } : {}),
  };
}

function numberOf(reading: CellReading | undefined): number | undefined {
  return reading?.value.status === 'number' ? reading.value.value : undefined;
}

/**
 * A 12345 table whose rows are request categories of the whole region (Yinchuan's 诉求类型
 * and 服务类别): every row becomes a region-level record (a `total` covering no rows) with the
 * category's own codes, the 合计 row the line's overall codes. Returns the warnings:
 * categories this adapter does not map (the row is not imported), a category finished more
 * often than it was received in the period (the bulletin counts earlier requests finished
 * now), 热线 + 多媒体 that do not give 受理量, and categories that do not add up to 合计.
 */
export function addCategoryTable(builder: BatchBuilder, table: Table): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  const keys = Object.keys(table.columns).filter((key) => HOTLINE_COLUMNS[key] !== undefined);
  const sums = new Map<string, { total: number; complete: boolean }>();
  for (const key of keys) sums.set(key, { total: 0, complete: true });
  let totalRow: TableRow | undefined;

  for (const row of table.rows) {
    if (row.kind !== 'data') {
      if (row.kind === 'total') totalRow = row;
      const values: TotalValue[] = keys.flatMap((key) => {
        const reading = row.values[key];
        const codes = HOTLINE_COLUMNS[key];
        return reading && codes
          ? [
              {
                code: codes.total,
                codeKind: 'measure' as const,
                value: reading.value,
                provenance: reading.provenance,
              },
            ]
          : [];
      });
      builder.addTotal({
        kind: row.kind,
        label: row.label ?? row.unitName,
        unitPath: [],
        table: table.spec.name,
        sheet: table.sheet.name,
        row: row.row,
        covers: [],
        values,
      });
      continue;
    }
    const category = categoryOf(row);
    if (!category) {
      const unitColumn = table.unitColumns[0];
      const location = locationOf(
        table.file,
        table.sheet,
        row.row,
        unitColumn?.index,
        unitColumn?.label,
      );
      warnings.push({
        code: 'UNKNOWN_CATEGORY',
        message: `${formatLocation(location)}: the request category "${row.unitName}" is not one this adapter maps (${HOTLINE_CATEGORY_ROWS.map((c) => c.labels[0]).join('、')}); its row is not imported`,
        provenance: location,
      });
      for (const key of keys) (sums.get(key) as { complete: boolean }).complete = false;
      continue;
    }
    const values: TotalValue[] = [];
    for (const key of keys) {
      const reading = row.values[key];
      const codes = HOTLINE_COLUMNS[key];
      if (!reading || !codes) continue;
      values.push({
        code: codes.perCategory(category.kind),
        codeKind: 'measure',
        value: reading.value,
        provenance: reading.provenance,
      });
      const sum = sums.get(key) as { total: number; complete: boolean };
      const n = numberOf(reading);
      if (n === undefined) sum.complete = false;
      else sum.total += n;
    }
    builder.addTotal({
      // A category row is a figure of the whole region, like the 合计 row.
      kind: 'total',
      label: row.unitName,
      unitPath: [],
      table: table.spec.name,
      sheet: table.sheet.name,
      row: row.row,
      covers: [],
      values,
    });
    warnings.push(...rowChecks(table, row));
  }

  if (totalRow) {
    warnings.push(...rowChecks(table, totalRow));
    for (const key of keys) {
      const reading = totalRow.values[key];
      const printed = numberOf(reading);
      const sum = sums.get(key);
      if (!reading || printed === undefined || !sum?.complete || sum.total === printed) continue;
      const location = locationOfReading(table, key, reading);
      warnings.push({
        code: 'CATEGORY_SUM_MISMATCH',
        message: `${formatLocation(location)}: the categories add up to ${sum.total}, but ${totalRow.label ?? '合计'} is printed ${reading.value.raw}`,
        provenance: location,
      });
    }
  }
  return warnings;
}

/** 热线 + 多媒体 against 受理量, and 办结量 above 受理量, for one row. */
function rowChecks(table: Table, row: TableRow): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  const name = row.kind === 'data' ? row.unitName : (row.label ?? '合计');
  const received = row.values['received'];
  const receivedCount = numberOf(received);
  const phone = numberOf(row.values['phone']);
  const multimedia = numberOf(row.values['multimedia']);
  if (received && receivedCount !== undefined && phone !== undefined && multimedia !== undefined) {
    if (phone + multimedia !== receivedCount) {
      const location = locationOfReading(table, 'received', received);
      warnings.push({
        code: 'LINE_SUM_MISMATCH',
        message: `${formatLocation(location)}: ${name}: 热线 ${phone} + 多媒体 ${multimedia} = ${phone + multimedia}, but 受理量 is printed ${received.value.raw}`,
        provenance: location,
      });
    }
  }
  const finished = row.values['finished'];
  const finishedCount = numberOf(finished);
  if (finished && finishedCount !== undefined && receivedCount !== undefined) {
    if (finishedCount > receivedCount) {
      const location = locationOfReading(table, 'finished', finished);
      warnings.push({
        code: 'FINISHED_EXCEEDS_RECEIVED',
        message: `${formatLocation(location)}: ${name}: ${finished.value.raw} finished against ${received?.value.raw ?? ''} received in the period; the finished count includes requests received earlier, so a finish rate of this period is not derived from it`,
        provenance: location,
      });
    }
  }
  return warnings;
}
