import {
  cellAt,
  classifyRow,
  effectiveText,
  findHeaderBlock,
  isAdapterError,
  locationOf,
  matchColumns,
  parseCellValue,
  provenanceOf,
  readTable,
} from '@efficacy/plugin-sdk';
import type {
  CellReading,
  ColumnSpec,
  GridSheet,
  HeaderColumn,
  HeaderRequirement,
  Table,
  TableRow,
  TableSpec,
  ValueKind,
} from '@efficacy/plugin-sdk';

function requirementsOf(spec: TableSpec): HeaderRequirement[] {
  return [
    ...(spec.unit ? [{ synonyms: spec.unit.header, required: true, multiple: true }] : []),
    ...Object.values(spec.columns).map((column) => ({
      synonyms: column.header,
      required: column.required ?? true,
      multiple: false,
    })),
  ];
}

/**
 * The annexes the Jinfeng bulletin only describes (附件3–5) and Lingwu's city-level tables
 * reach us with nothing but a 合计 (or 灵武市) row: the text gives the region's figures and
 * no unit's. The SDK's readTable calls such a table empty; here it is a region-level table.
 * readTable runs first, so the header, the columns and every cell (BAD_NUMBER) have been
 * checked before the rows are read again for their totals.
 */
export function readTableAllowingTotalsOnly(
  sheet: GridSheet,
  spec: TableSpec,
  file: string,
): { table: Table; totalsOnly: boolean } {
  try {
    return { table: readTable(sheet, spec, { file }), totalsOnly: false };
  } catch (error) {
    if (!isAdapterError(error) || error.code !== 'EMPTY_TABLE') throw error;
    const search = findHeaderBlock(sheet, requirementsOf(spec), spec.header);
    const block = search.block;
    if (!block) throw error;
    const columns: Record<string, HeaderColumn> = {};
    for (const [key, column] of Object.entries(spec.columns)) {
      const match = matchColumns(block, column.header)[0];
      if (match) columns[key] = match;
    }
    const valueKeys = Object.keys(columns).filter((key) => spec.columns[key]?.kind !== 'text');
    const valueIndexes = new Set(valueKeys.map((key) => (columns[key] as HeaderColumn).index));
    const rows: TableRow[] = [];
    let endRow = sheet.rowCount + 1;
    for (let r = block.bottom + 1; r <= sheet.rowCount; r++) {
      const gridRow = sheet.rows[r - 1];
      if (!gridRow) continue;
      const texts = gridRow.cells.map(effectiveText);
      const classification = classifyRow(
        {
          labels: texts.filter((_text, i) => !valueIndexes.has(i + 1)),
          values: gridRow.cells.filter((c) => valueIndexes.has(c.column)).map((c) => c.text),
          firstText: texts.find((text) => text.trim() !== '') ?? '',
          ownTextCount: gridRow.cells.filter((c) => c.text.trim() !== '').length,
        },
        spec.rows,
      );
      if (classification.kind === 'note' && (spec.stopAtNote ?? true)) {
        endRow = r;
        break;
      }
      const kind = classification.kind;
      if (kind !== 'total' && kind !== 'subtotal' && kind !== 'benchmark') continue;
      const values: Record<string, CellReading> = {};
      for (const key of valueKeys) {
        const column = columns[key] as HeaderColumn;
        const location = locationOf(file, sheet, r, column.index, column.label);
        values[key] = {
          value: parseCellValue(
            cellAt(sheet, r, column.index),
            (spec.columns[key] as ColumnSpec).kind as ValueKind,
            location,
          ),
          provenance: provenanceOf(file, sheet, r, column.index),
        };
      }
      rows.push({
        row: r,
        kind,
        ...(classification.label !== undefined ? { label: classification.label } : {}),
        unitPath: [],
        unitName: '',
        values,
        texts: {},
        dimensions: {},
        covers: [],
      });
    }
    if (rows.length === 0) throw error;
    const unitColumns = spec.unit ? matchColumns(block, spec.unit.header) : [];
    return {
      table: { spec, file, sheet, header: block, columns, unitColumns, rows, endRow, warnings: [] },
      totalsOnly: true,
    };
  }
}
