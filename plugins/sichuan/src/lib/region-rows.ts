import { AdapterError, locationOf } from '@efficacy/plugin-sdk';
import type { HeaderColumn, Table, TableRow } from '@efficacy/plugin-sdk';

import { regionNamed } from './region';

/**
 * The report summary has one row per region, and a region is not a unit: its figures are
 * the region's totals. They become total rows that cover no row of the file (the rows they
 * sum are in the annexes), which is how a county's own row is kept elsewhere too.
 */
export function regionRowsAsTotals(table: Table, regionCode: string): Table {
  const unitColumn = table.unitColumns[0] as HeaderColumn;
  const rows: TableRow[] = table.rows.map((row) => {
    if (row.kind !== 'data') return row;
    const region = regionNamed(row.unitName);
    if (!region || region.code !== regionCode) {
      throw new AdapterError(
        'BAD_VALUE',
        region
          ? `the row is about ${row.unitName} (${region.code}), but the report is about ${regionCode}`
          : `"${row.unitName}" is not the name of a Sichuan region in the official division tables (such as 西区)`,
        locationOf(table.file, table.sheet, row.row, unitColumn.index, unitColumn.label),
      );
    }
    return { ...row, kind: 'total', label: row.unitName, unitPath: [], unitName: '', covers: [] };
  });
  return { ...table, rows };
}
