import { readTable } from '@efficacy/plugin-sdk';
import type { GridSheet, Table, TableSpec } from '@efficacy/plugin-sdk';

/**
 * The annexes the Jinfeng bulletin only describes (附件3–5) and Lingwu's city-level tables
 * reach us with nothing but a 合计 (or 灵武市) row: the text gives the region's figures and
 * no unit's. The SDK's readTable reads such a table as the region's own figures
 * (`totalsOnly`); the adapter says, for layouts that list units, that theirs are missing.
 */
export function readTableAllowingTotalsOnly(
  sheet: GridSheet,
  spec: TableSpec,
  file: string,
): { table: Table; totalsOnly: boolean } {
  const table = readTable(sheet, spec, { file });
  return { table, totalsOnly: table.totalsOnly ?? false };
}
