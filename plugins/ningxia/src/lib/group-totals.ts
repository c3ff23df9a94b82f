import { formatLocation } from '@efficacy/plugin-sdk';
import type { Location, Table, TableRow, WarningRecord } from '@efficacy/plugin-sdk';

function countOf(row: TableRow, key: string): number | undefined {
  const value = row.values[key]?.value;
  return value?.status === 'number' ? value.value : undefined;
}

/**
 * 小计 and 合计 against the rows they close, for one count column. A hall table often names
 * only some departments (中宁县 names the busiest and the quietest): a printed total above
 * the listed rows is the unlisted departments' share, said once per total
 * (TOTAL_EXCEEDS_LISTED_ROWS); a total below its rows is a contradiction
 * (TOTAL_BELOW_ROWS). The 合计 of a table with 小计 rows is compared with the 小计 rows.
 */
export function checkGroupTotals(table: Table, key: string): WarningRecord[] {
  const warnings: WarningRecord[] = [];
  const column = table.columns[key];
  if (!column) return warnings;
  const byRow = new Map(table.rows.map((row) => [row.row, row]));
  const subtotals = table.rows.filter((row) => row.kind === 'subtotal');
  for (const row of table.rows) {
    if (row.kind !== 'subtotal' && row.kind !== 'total') continue;
    const printed = countOf(row, key);
    const reading = row.values[key];
    if (printed === undefined || !reading) continue;
    const parts =
      row.kind === 'total' && subtotals.length > 0
        ? subtotals
        : (row.covers ?? []).map((r) => byRow.get(r)).filter((r): r is TableRow => !!r);
    const counts = parts.map((part) => countOf(part, key));
    if (parts.length === 0 || counts.some((count) => count === undefined)) continue;
    const sum = (counts as number[]).reduce((a, b) => a + b, 0);
    if (sum === printed) continue;
    const p = reading.provenance;
    const location: Location = {
      file: p.file,
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      columnIndex: p.columnIndex,
      header: column.label,
    };
    const label = row.label ?? row.unitName;
    const what =
      row.kind === 'total' && subtotals.length > 0
        ? `the ${subtotals.length} 小计 rows`
        : `the ${parts.length} rows it closes`;
    warnings.push(
      sum < printed
        ? {
            code: 'TOTAL_EXCEEDS_LISTED_ROWS',
            message: `${formatLocation(location)}: ${label} is printed ${reading.value.raw}, ${what} add up to ${sum}: ${printed - sum} belong to units the file does not list`,
            provenance: location,
          }
        : {
            code: 'TOTAL_BELOW_ROWS',
            message: `${formatLocation(location)}: ${label} is printed ${reading.value.raw}, but ${what} add up to ${sum}`,
            provenance: location,
          },
    );
  }
  return warnings;
}
